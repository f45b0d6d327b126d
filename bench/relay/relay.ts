import { loadavg } from "node:os";
import { benchBoard, type BenchBoard } from "./boards";
import type { ClientPlan } from "./client";
import { Load, spread, startServer } from "./loads";
import { cpuSeconds } from "./serverCpu";
import type { ServerKind } from "./wire";

/**
 * The relay benchmark (issue 16): server CPU per delivered update and
 * propagation p50 / p99 / max, ours beside B-hp, B-yws and B-raw on the
 * same workload in one run. The clients run in LOADS processes other than
 * the server's (`load.ts`) and speak each protocol by hand; two probes per
 * board decode what they receive to time each edit, the others count
 * bytes. Each server: a warm-up phase, then the measured one; its CPU
 * (from /proc) over the measured phase, from its start until the probes
 * have every edit, divided by edits x (clients - 1); "all delivered" when
 * the probes had every edit and every client about as many bytes as the
 * others of its board.
 */
interface Workload {
  name: string;
  boards: number;
  clients: number;
  writers: number;
  hz: number;
}

const WORKLOADS: Record<string, Workload> = {
  solo: { name: "10 boards x 50 clients, one writer each at 60 Hz", boards: 10, clients: 50, writers: 1, hz: 60 },
  many: { name: "4 boards x 25 clients, all writing at 10 Hz", boards: 4, clients: 25, writers: 25, hz: 10 },
};
const PROBES_PER_BOARD = 2;
const env = process.env;
const seconds = Number(env.SECONDS ?? 10);
const warmupSeconds = Number(env.WARMUP_SECONDS ?? 3);
const loadCount = Number(env.LOADS ?? 4);
const servers = (env.SERVERS ?? "ours,B-hp,B-yws,B-raw").split(",") as ServerKind[];
const parts = (env.PARTS ?? "solo,many").split(",");
const repeat = Number(env.REPEAT ?? 1);

interface Result {
  kind: ServerKind;
  cpuMicros: number;
  p50: number;
  p99: number;
  max: number;
  timed: number;
  complete: boolean;
  loadCores: number;
}

/** Writers first on each board; the probes are the first clients after them, or the first writers where all write. */
function plansFor(workload: Workload, boards: BenchBoard[]): ClientPlan[] {
  const firstProbe = workload.clients - workload.writers >= PROBES_PER_BOARD ? workload.writers : 0;
  return boards.flatMap((board) =>
    Array.from({ length: workload.clients }, (_, c) => ({
      board: board.name,
      token: board.token,
      ...(c < workload.writers ? { card: `card-${c}`, seed: board.seed } : {}),
      probe: c >= firstProbe && c < firstProbe + PROBES_PER_BOARD,
    })),
  );
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;

async function measure(kind: ServerKind, workload: Workload): Promise<Result> {
  const { server, url: started } = startServer(kind);
  const url = await started;
  const cards = Array.from({ length: workload.writers }, (_, c) => `card-${c}`);
  const boards: BenchBoard[] = [];
  for (let b = 0; b < workload.boards; b++) boards.push(await benchBoard(kind, url, `relay-${b}`, cards));
  const plans = spread(plansFor(workload, boards), loadCount);
  const loads = plans.map(() => new Load());
  await Promise.all(loads.map((load, i) => load.ask<"ready">({ type: "connect", kind, url, clients: plans[i]! })));
  boards.forEach((board) => board.release());

  let editsSoFar = 0;
  const phase = async (edits: number) => {
    editsSoFar += edits;
    const expectedOf = (plan: ClientPlan) => (workload.writers - (plan.card ? 1 : 0)) * editsSoFar;
    const done = await Promise.all(
      loads.map((load, i) =>
        load.ask<"done">({ type: "write", edits, hz: workload.hz, expected: plans[i]!.map(expectedOf) }),
      ),
    );
    return done.every((answer) => answer.complete);
  };
  await phase(Math.round(warmupSeconds * workload.hz));
  const edits = Math.round(seconds * workload.hz);
  const cpuBefore = cpuSeconds(server.pid());
  const loadBefore = loads.reduce((sum, load) => sum + load.cpuSeconds(), 0);
  const start = performance.now();
  const complete = await phase(edits);
  const wall = (performance.now() - start) / 1000;
  const cpu = cpuSeconds(server.pid()) - cpuBefore;
  const loadCores = (loads.reduce((sum, load) => sum + load.cpuSeconds(), 0) - loadBefore) / wall;

  const reports = await Promise.all(loads.map((load) => load.ask<"report">({ type: "report" })));
  // The readers of a board receive the same edits, and so do its writers (a Yjs server sends a writer its own,
  // B-raw does not): the bytes each received, beside the most one of its kind received, show none was left out.
  const received = new Map<string, number[]>();
  reports.forEach((report, i) =>
    report.bytes.forEach((bytes, j) => {
      const plan = plans[i]![j]!;
      const group = `${plan.board} ${plan.card ? "writer" : "reader"}`;
      received.set(group, [...(received.get(group) ?? []), bytes]);
    }),
  );
  const short = [...received.values()].reduce((sum, all) => {
    const most = Math.max(...all);
    return sum + all.filter((bytes) => bytes < 0.95 * most).length;
  }, 0);
  const sent = new Map<number, number[]>();
  for (const report of reports)
    for (const [client, times] of Object.entries(report.sent)) sent.set(Number(client), times);
  const latencies: number[] = [];
  for (const { receipts } of reports) {
    for (let i = 0; i < receipts.length; i += 3) {
      const at = sent.get(receipts[i]!)?.[receipts[i + 1]!];
      if (at !== undefined) latencies.push((receipts[i + 2]! - at) / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  loads.forEach((load) => load.stop());
  await server.stop();
  const delivered = workload.boards * workload.writers * edits * (workload.clients - 1);
  return {
    kind,
    cpuMicros: (cpu * 1e6) / delivered,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? NaN,
    timed: latencies.length,
    complete: complete && short === 0,
    loadCores,
  };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function table(results: Result[]) {
  const yws = results.find((result) => result.kind === "B-yws");
  const raw = results.find((result) => result.kind === "B-raw");
  const ratio = (value: number, base: Result | undefined) => (base ? (value / base.cpuMicros).toFixed(2) : "–");
  console.log(
    "| server | CPU per delivered update | ÷ B-yws | ÷ B-raw | p50 | p99 | max | edits timed | all delivered | load generators |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const r of results) {
    const cells = [r.kind, `${r.cpuMicros.toFixed(2)} µs`, ratio(r.cpuMicros, yws), ratio(r.cpuMicros, raw)];
    cells.push(ms(r.p50), ms(r.p99), ms(r.max), String(r.timed), r.complete ? "yes" : "**no**");
    console.log(`| ${[...cells, `${r.loadCores.toFixed(2)} cores`].join(" | ")} |`);
  }
}

console.log(`relay benchmark, ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(2))}`);
console.log(`${seconds} s measured after ${warmupSeconds} s of warm-up, clients in ${loadCount} processes`);
for (const part of parts) {
  const workload = WORKLOADS[part]!;
  const rounds: Result[][] = [];
  // Round after round, the servers one after another: a change in the machine's load falls on all of them.
  for (let round = 0; round < repeat; round++) {
    const results: Result[] = [];
    for (const kind of servers) results.push(await measure(kind, workload));
    rounds.push(results);
    console.log(`\n${workload.name}, round ${round + 1} (load average ${loadavg()[0]!.toFixed(2)})`);
    table(results);
  }
  if (repeat > 1 && servers.includes("ours")) {
    const ratiosTo = (base: ServerKind) =>
      rounds.map((results) => {
        const of = (kind: ServerKind) => results.find((result) => result.kind === kind)!.cpuMicros;
        return of("ours") / of(base);
      });
    for (const base of servers.filter((kind) => kind !== "ours")) {
      const ratios = ratiosTo(base);
      const spread = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
      console.log(`ours ÷ ${base}, CPU per delivered update: median ${median(ratios).toFixed(2)}, spread ${spread}`);
    }
  }
}
console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(2))}`);
