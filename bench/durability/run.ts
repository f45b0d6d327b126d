import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Doc } from "yjs";
import { killWhileWriting, killWhileWritersStay } from "../../server/tests/support/crash";
import { appendTimesByEngine } from "./appends";
import { withDatabase } from "./engines";
import { recoveryTimes } from "./recovery";

/**
 * The durability figures of bench/GOALS.md: writers add cards while the server
 * is killed with SIGKILL at seeded moments, ours beside B-hp (stock
 * Hocuspocus + extension-sqlite); then writers that stay through the kills;
 * then how long a board with a long update log takes to open.
 * `WRITERS`, `KILLS`, `STAY_WRITERS` and `LOG_UPDATES` scale it; `PARTS`
 * (crash, steady, stay, recovery, engines) picks what runs. `engines`: the
 * steady run's edit -> on disk on SQLite beside PostgreSQL (the machine's,
 * or BENCH_POSTGRES_URL; a database of its own, dropped after).
 */
const parts = new Set((process.env.PARTS ?? "crash,steady,stay,recovery,engines").split(","));
const writers = Number(process.env.WRITERS ?? 200);
/** Writers that stay each hold the whole board: one process holds 50 such copies of a large board, not 200. */
const stayWriters = Number(process.env.STAY_WRITERS ?? 50);
const kills = Number(process.env.KILLS ?? 20);
const logUpdates = Number(process.env.LOG_UPDATES ?? 20_000);
const maxCardsPerRound = 400;
const seed = 20261124;
const dataDir = () => mkdtempSync(join(tmpdir(), "journeyboard-durability-"));
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? NaN;
const fixed = (n: number) => n.toFixed(1);

const hocuspocusBaseline = {
  entry: join(dirname(fileURLToPath(import.meta.url)), "baseline-server.ts"),
  edit: (doc: Doc, id: string) => (doc.getMap("edits").set(id, id), true),
  ids: (doc: Doc) => [...doc.getMap("edits").keys()],
};

/** Both servers under the same writers and kills. */
async function crashBoth(writerCount: number, killCount: number, maxCards: number) {
  const options = { seed, writers: writerCount, kills: killCount, maxCardsPerRound: maxCards };
  const ours = await killWhileWriting({ dataDir: dataDir(), ...options });
  const baseline = await killWhileWriting({ dataDir: dataDir(), ...options, baseline: hocuspocusBaseline });
  console.log(`\nSIGKILL x${killCount} under ${writerCount} writers that never come back (seed ${seed})`);
  console.log("| server | acknowledged edits | missing after restart | edit -> acknowledged p95 |");
  console.log("| --- | --- | --- | --- |");
  console.log(`| ours | ${ours.acknowledged} | ${ours.missing.length} | ${fixed(p95(ours.latencies))} ms (on disk) |`);
  console.log(
    `| B-hp | ${baseline.acknowledged} | ${baseline.missing.length} | ${fixed(p95(baseline.latencies))} ms (in memory) |`,
  );
}

if (parts.has("crash")) await crashBoth(writers, kills, maxCardsPerRound);
// Few writers and one kill: the time to an acknowledgement (for ours, to disk) without a room of writers
// joining at once, each one's whole copy of the board arriving in this one process.
if (parts.has("steady")) await crashBoth(20, 1, 2000);

if (parts.has("stay")) {
  const stay = await killWhileWritersStay({ dataDir: dataDir(), seed, writers: stayWriters, kills, maxCardsPerRound });
  console.log(`\nSIGKILL x${kills} under ${stayWriters} writers that stay and reconnect`);
  console.log(
    `cards ${stay.cards}, replicas different from the server ${stay.different.length}, all synced ${fixed(stay.syncedAfterMs)} ms after the last restart`,
  );
}

if (parts.has("recovery")) {
  const recovery = await recoveryTimes(logUpdates);
  console.log(`\nOpening a board of ${recovery.cards} cards after a restart (process start to a client synced)`);
  console.log(
    `from an update log of ${logUpdates} updates: ${fixed(recovery.logMs)} ms; from a snapshot: ${fixed(recovery.snapshotMs)} ms; ratio ${(recovery.logMs / recovery.snapshotMs).toFixed(2)}`,
  );
}

if (parts.has("engines")) {
  const options = { seed, writers: 20, kills: 1, maxCardsPerRound: 2000 };
  const quantile = (values: number[], q: number) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length * q)] ?? NaN;
  const row = (engine: string, report: { acknowledged: number; missing: string[]; latencies: number[] }) =>
    `| ${engine} | ${report.acknowledged} | ${report.missing.length} | ${fixed(quantile(report.latencies, 0.5))} ms | ${fixed(p95(report.latencies))} ms | ${fixed(quantile(report.latencies, 0.99))} ms |`;
  const sqlite = await killWhileWriting({ dataDir: dataDir(), ...options });
  const postgres = await withDatabase((url) =>
    killWhileWriting({ dataDir: dataDir(), ...options, env: { DATABASE_URL: url } }),
  );
  console.log(`\nEdit -> on disk (acknowledged), 20 writers, one SIGKILL (seed ${seed}), by engine`);
  console.log("| engine | acknowledged edits | missing after restart | p50 | p95 | p99 |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  console.log(row("SQLite", sqlite));
  console.log(row("PostgreSQL", postgres));
  console.log(`p95 PostgreSQL / SQLite: ${(p95(postgres.latencies) / p95(sqlite.latencies)).toFixed(2)}`);

  const appends = await appendTimesByEngine(2000);
  const ms = (values: number[], q: number) => quantile(values, q).toFixed(3);
  console.log("\nThe store alone: 2,000 appends of a card-sized update to one board, one after another");
  console.log("| engine | p50 | p95 | p99 | max |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const [engine, times] of [
    ["SQLite", appends.sqlite],
    ["PostgreSQL", appends.postgres],
  ] as const) {
    console.log(
      `| ${engine} | ${ms(times, 0.5)} ms | ${ms(times, 0.95)} ms | ${ms(times, 0.99)} ms | ${Math.max(...times).toFixed(3)} ms |`,
    );
  }
}
