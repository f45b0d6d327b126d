import { stringify } from "csv-stringify/sync";
import { neutraliseCell } from "@journeyboard/shared";

/**
 * RFC 4180 CSV, UTF-8 with a byte-order mark so spreadsheets pick the right
 * characters. A cell a spreadsheet would run as a formula is neutralised
 * (`neutraliseCell`), header cells (lane titles are user text) too. Every
 * field holding a CR or an LF is quoted: csv-stringify quotes only the
 * record delimiter (CRLF) once one is set, and a spreadsheet ends a row at
 * a bare LF as well.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = [header, ...rows].map((row) =>
    row.map((cell) => (typeof cell === "number" ? String(cell) : neutraliseCell(cell))),
  );
  return `\uFEFF${stringify(cells, { record_delimiter: "\r\n", quote_record_delimiter: true })}`;
}
