import { loadavg } from "node:os";
import { benchBoard } from "./boards";
import { nowMicros, type ClientPlan } from "./client";
import { Load, spread, startServer } from "./loads";
import { cpuSeconds } from "./serverCpu";
import type { ServerKind } from "./wire";

/**
 * The join storm (issue 16): JOINERS clients (default 50) join a board of
 * CARDS cards (default 10,000) at once, each asking for everything, from
 * LOADS processes other than the server's; the time from the first
 * connection to the last client holding the whole board (the server's
 * second sync step), and the server's CPU meanwhile, ours beside B-yws
 * (and B-hp), each holding ours' board (ours runs first). The board stays held by its setup client, so no server
 * loads it from its store during the storm. Goal: <= 0.25x B-yws's time.
 */
const env = process.env;
const joiners = Number(env.JOINERS ?? 50);
const cardCount = Number(env.CARDS ?? 10_000);
const loadCount = Number(env.LOADS ?? 2);
const repeat = Number(env.REPEAT ?? 3);
const servers = (env.SERVERS ?? "ours,B-yws,B-hp").split(",") as ServerKind[];

/** Ours' board, once made: sent as it is to the baselines, so every server holds the same bytes. */
let oursState: Uint8Array | undefined;

async function storm(kind: ServerKind) {
  const { server, url: started } = startServer(kind);
  const url = await started;
  const cards = Array.from({ length: cardCount }, (_, i) => `card-${i}`);
  const board = await benchBoard(kind, url, "storm", cards, kind === "ours" ? undefined : oursState);
  if (kind === "ours") oursState = Buffer.from(board.seed, "base64");
  const boardBytes = Buffer.from(board.seed, "base64").byteLength;
  const runs: { seconds: number; cpu: number }[] = [];
  for (let run = 0; run < repeat; run++) {
    const plans: ClientPlan[] = Array.from({ length: joiners }, () => ({
      board: board.name,
      token: board.token,
      probe: false,
    }));
    const loads = spread(plans, loadCount).map((part) => ({ load: new Load(), part }));
    // Started and listening before the clock starts: a process's start-up is not the server's time.
    await Promise.all(loads.map(({ load }) => load.ask<"report">({ type: "report" })));
    const cpuBefore = cpuSeconds(server.pid());
    const start = nowMicros();
    const answers = await Promise.all(
      loads.map(({ load, part }) => load.ask<"joined">({ type: "join", kind, url, clients: part })),
    );
    const last = Math.max(...answers.flatMap((answer) => answer.at));
    runs.push({ seconds: (last - start) / 1e6, cpu: cpuSeconds(server.pid()) - cpuBefore });
    loads.forEach(({ load }) => load.stop());
  }
  board.release();
  await server.stop();
  return { kind, boardBytes, runs };
}

console.log(`join storm, ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(2))}`);
console.log(
  `${joiners} clients joining a ${cardCount}-card board at once, from ${loadCount} processes, ${repeat} storms each`,
);
const results: Awaited<ReturnType<typeof storm>>[] = [];
for (const kind of servers) results.push(await storm(kind));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const yws = results.find((result) => result.kind === "B-yws");
const ywsMedian = yws ? median(yws.runs.map((run) => run.seconds)) : NaN;
console.log("\n| server | board | all synced, each storm | median | ÷ B-yws | server CPU, each storm |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const { kind, boardBytes, runs } of results) {
  const seconds = runs.map((run) => run.seconds);
  const cells = [
    kind,
    `${(boardBytes / 1e6).toFixed(2)} MB`,
    seconds.map((s) => `${(s * 1000).toFixed(0)} ms`).join(", "),
  ];
  cells.push(`${(median(seconds) * 1000).toFixed(0)} ms`, (median(seconds) / ywsMedian).toFixed(2));
  cells.push(runs.map((run) => `${run.cpu.toFixed(2)} s`).join(", "));
  console.log(`| ${cells.join(" | ")} |`);
}
console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(2))}`);
