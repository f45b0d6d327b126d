import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as Y from "yjs";
import { editText, localUserOrigin, metaMap, readAll, textOf } from "@journeyboard/shared";
import { putCard } from "../../server/tests/support/cards";
import { ServerProcess, createBoard } from "../../server/tests/support/crash";
import { keystrokes, textField, typedText, wholeField, type Field } from "./keys";
import { Typist } from "./typist";

const ourServer = join(dirname(fileURLToPath(import.meta.url)), "..", "relay", "our-server.ts");
const TICKS_PER_SECOND = 100;
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
};

/**
 * Server CPU per keystroke (from /proc) while one person types and
 * `watchers` others receive every keystroke: ours (a splice of a card's
 * Y.Text) beside today's whole-text writes (a plain string set whole, in
 * `meta.title`, the one plain text field a schema-5 server takes; 200
 * characters at most, so the typing is `passes` runs of 200 keys, the field
 * emptied between them, unmeasured). Our server from source, rate limits
 * lifted; the facilitator's token for both.
 */
export async function relayCost(layout: "ours" | "whole", watchers: number, passes: number) {
  const server = new ServerProcess(mkdtempSync(join(tmpdir(), "journeyboard-text-relay-")), 0, ourServer);
  const url = await server.start();
  const board = await createBoard(url);
  const token = board.links.facilitator.token;
  const sender = new Typist(url, board.id, token);
  await sender.settled((doc) => readAll(doc, "journeys").length > 0);
  if (layout === "ours") sender.edit((doc) => void putCard(doc, { id: "typed", text: "" }));
  const fieldOf = (doc: Y.Doc): Field =>
    layout === "ours" ? textField(doc, "typed") : wholeField(metaMap(doc), "title");
  const clear = (doc: Y.Doc) =>
    layout === "ours"
      ? editText(
          doc,
          {
            root: "cards",
            id: "typed",
            field: "text",
            splice: { index: 0, remove: textOf(doc, "cards", "typed", "text")!.length, insert: "" },
          },
          localUserOrigin(),
        )
      : metaMap(doc).set("title", "");
  const watching = Array.from({ length: watchers }, () => new Typist(url, board.id, token));
  const keys = keystrokes(200);
  const expected = typedText(keys);
  const showing = (text: string) => (doc: Y.Doc) =>
    (layout === "whole" || textOf(doc, "cards", "typed", "text") !== undefined) && fieldOf(doc).value() === text;
  let cpu = 0;
  let bytes = 0;
  sender.doc.on("update", (update: Uint8Array) => (bytes += update.length));
  await Promise.all([sender, ...watching].map((typist) => typist.settled(showing(fieldOf(sender.doc).value()))));
  for (let pass = 0; pass < passes; pass++) {
    sender.edit(clear);
    await Promise.all([sender, ...watching].map((typist) => typist.settled(showing(""))));
    bytes = 0;
    const before = cpuSeconds(server.pid());
    const field = fieldOf(sender.doc);
    for (const key of keys) sender.edit(() => field.type(key));
    await Promise.all([sender, ...watching].map((typist) => typist.settled(showing(expected))));
    cpu += cpuSeconds(server.pid()) - before;
  }
  [sender, ...watching].forEach((typist) => typist.destroy());
  await server.stop();
  return { microsecondsPerKey: (cpu * 1e6) / (passes * keys.length), bytesPerKey: bytes / keys.length };
}
