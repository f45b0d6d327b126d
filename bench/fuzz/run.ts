import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as Y from "yjs";
import { ServerProcess, Writer, addTestCard, createBoard } from "../../server/tests/support/crash";
import { authFrame, fuzz, recordFrames } from "../../server/tests/support/fuzz";
import { latencies, percentile } from "../abuse/latency";

/**
 * The fuzzer for longer than CI runs it: `FRAMES` (100,000) mutated frames
 * at one board while another board's edit latency is measured, before and
 * during the fuzzing; the server must stay up and the other board unchanged.
 */
const frames = Number(process.env.FRAMES ?? 100_000);
const seed = Number(process.env.SEED ?? 20261124);
const server = new ServerProcess(mkdtempSync(join(tmpdir(), "journeyboard-fuzz-")));
const url = await server.start();
const target = await createBoard(url);
const other = await createBoard(url);
const token = other.links.participant.token;
const writer = new Writer(url, other.id, token, "writer");
const reader = new Writer(url, other.id, token, "reader");
await Promise.all([writer.whenSynced(), reader.whenSynced()]);
addTestCard(writer.doc, "probe");
await writer.whenSynced();

const before = await latencies(writer, reader, 300);
const otherBefore = JSON.stringify(reader.doc.getMap("cards").toJSON());
const corpus = await recordFrames(url, target.id, target.links.participant.token);
let fuzzing = true;
const started = performance.now();
const fuzzed = fuzz({
  url,
  seed,
  frames,
  corpus,
  boardId: target.id,
  viewerAuth: authFrame(target.id, target.links.viewer.token),
  otherBoardId: other.id,
}).finally(() => (fuzzing = false));
const during = await latencies(writer, reader, Number.MAX_SAFE_INTEGER, () => fuzzing);
const report = await fuzzed;
const seconds = (performance.now() - started) / 1000;
const health = await fetch(`${url}/healthz`);
const probeText = (writer.doc.getMap("cards").get("probe") as Y.Map<unknown>).get("text");
const unchanged =
  JSON.stringify({ ...(JSON.parse(otherBefore) as object), probe: null }) ===
  JSON.stringify({ ...(reader.doc.getMap("cards").toJSON() as object), probe: null });
await server.stop();
writer.destroy();
reader.destroy();

console.log(
  `\n${report.sent} fuzzed frames over ${report.connections} connections in ${seconds.toFixed(1)} s (seed ${seed})`,
);
console.log(
  `server up afterwards: ${health.status === 200}; other board changed only by its own edits: ${unchanged} (last probe "${String(probeText).slice(0, 12)}…")`,
);
console.log("| other board's edit latency | p50 | p99 | edits |");
console.log("| --- | --- | --- | --- |");
for (const [name, values] of [
  ["before fuzzing", before],
  ["during fuzzing", during],
] as const) {
  console.log(
    `| ${name} | ${percentile(values, 0.5).toFixed(2)} ms | ${percentile(values, 0.99).toFixed(2)} ms | ${values.length} |`,
  );
}
console.log(
  `ratio during/before: p50 ${(percentile(during, 0.5) / percentile(before, 0.5)).toFixed(2)}, p99 ${(percentile(during, 0.99) / percentile(before, 0.99)).toFixed(2)}`,
);
