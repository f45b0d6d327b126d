import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDataDir } from "./server";

/**
 * The text of a PDF as poppler reads it (poppler-utils), in logical order,
 * without the direction marks it puts around right-to-left lines and with
 * line breaks as spaces. KEEP_PDF names a folder to keep the file in.
 */
export function pdfText(pdf: Uint8Array): string {
  const file = join(process.env.KEEP_PDF ?? tempDataDir(), "journey.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" })
    .replace(/[\u202a-\u202e]/g, "")
    .replace(/\s+/g, " ");
}
