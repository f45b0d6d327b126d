import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Doc } from "yjs";
import { killWhileWriting, killWhileWritersStay } from "../../server/tests/support/crash";
import { recoveryTimes } from "./recovery";

/**
 * The durability figures of quality.md: writers add cards while the server
 * is killed with SIGKILL at seeded moments, ours beside B-hp (stock
 * Hocuspocus + extension-sqlite); then writers that stay through the kills;
 * then how long a board with a long update log takes to open.
 * `WRITERS`, `KILLS` and `LOG_UPDATES` scale it down.
 */
const writers = Number(process.env.WRITERS ?? 200);
const kills = Number(process.env.KILLS ?? 20);
const logUpdates = Number(process.env.LOG_UPDATES ?? 20_000);
const maxCardsPerRound = 400;
const seed = 20261124;
const dataDir = () => mkdtempSync(join(tmpdir(), "journeyboard-durability-"));
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? NaN;
const fixed = (n: number) => n.toFixed(1);

const ours = await killWhileWriting({ dataDir: dataDir(), seed, writers, kills, maxCardsPerRound });
const baseline = await killWhileWriting({
  dataDir: dataDir(),
  seed,
  writers,
  kills,
  maxCardsPerRound,
  baseline: {
    entry: join(dirname(fileURLToPath(import.meta.url)), "baseline-server.ts"),
    edit: (doc, id) => (doc.getMap("edits").set(id, id), true),
    ids: (doc) => [...doc.getMap("edits").keys()],
  },
});
console.log(`\nSIGKILL x${kills} under ${writers} writers that never come back (seed ${seed})`);
console.log("| server | acknowledged edits | missing after restart | ack p95 (edit -> on disk for ours) |");
console.log("| --- | --- | --- | --- |");
console.log(`| ours | ${ours.acknowledged} | ${ours.missing.length} | ${fixed(p95(ours.latencies))} ms |`);
console.log(
  `| B-hp | ${baseline.acknowledged} | ${baseline.missing.length} | ${fixed(p95(baseline.latencies))} ms (stored 2-10 s later) |`,
);

const stay = await killWhileWritersStay({ dataDir: dataDir(), seed, writers, kills, maxCardsPerRound });
console.log(`\nSIGKILL x${kills} under ${writers} writers that stay and reconnect`);
console.log(
  `cards ${stay.cards}, replicas different from the server ${stay.different.length}, all synced ${fixed(stay.syncedAfterMs)} ms after the last restart`,
);

const recovery = await recoveryTimes(logUpdates);
console.log(`\nOpening a board of ${recovery.cards} cards after a restart (process start to a client synced)`);
console.log(
  `from an update log of ${logUpdates} updates: ${fixed(recovery.logMs)} ms; from a snapshot: ${fixed(recovery.snapshotMs)} ms; ratio ${(recovery.logMs / recovery.snapshotMs).toFixed(2)}`,
);
