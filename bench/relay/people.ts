import { loadavg } from "node:os";
import * as Y from "yjs";
import WebSocket from "ws";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import {
  COLLAB_PATH,
  PRESET_DEPARTMENTS,
  readAll,
  workshopDocumentName,
  type RoundRecord,
  type WorkshopCommand,
  type ViewArea,
} from "@journeyboard/shared";
import { randomInts } from "../../server/tests/support/crash";
import { putCard } from "../../server/tests/support/cards";
import { benchBoard, type BenchBoard } from "./boards";
import type { ClientPlan } from "./client";
import type { Activity } from "./load";
import { Load, spread, startServer } from "./loads";
import { cpuSeconds } from "./serverCpu";
import type { ServerKind } from "./wire";

/**
 * People on one board (issue 16): how many simulated workshop participants
 * one board holds with edit propagation p99 within GOAL_MS (100 ms), ours
 * beside B-hp and B-yws in one run. Each person moves a pointer within
 * their own view of the board at CURSOR_HZ (10) and shares it, as the app's
 * presence does; a WRITERS share of them (a fifth) also types into a card
 * of their own, a character every TYPE_MS (500), and moves it to another
 * cell every MOVE_MS (15,000); on ours everyone also places a dot on one of
 * ten irritants, or takes it back, every VOTE_MS (5,000), in a round the
 * facilitator opened (the baselines have no ballots, so ours does more).
 * The clients run in LOADS (4) processes other
 * than the server's and build no document; two probes decode what they
 * receive to time every typed character and move. For each server the
 * board grows through PEOPLE (50 … 1,000) until a size misses the goal.
 */
const env = process.env;
const sizes = (env.PEOPLE ?? "50,100,200,300,500,700,1000").split(",").map(Number);
const servers = (env.SERVERS ?? "ours,B-hp,B-yws").split(",") as ServerKind[];
const seconds = Number(env.SECONDS ?? 10);
const warmupSeconds = Number(env.WARMUP_SECONDS ?? 3);
const loadCount = Number(env.LOADS ?? 4);
const writerShare = Number(env.WRITERS ?? 0.2);
const goalMs = Number(env.GOAL_MS ?? 100);
const activity = (secondsOf: number): Activity => ({
  seconds: secondsOf,
  cursorHz: Number(env.CURSOR_HZ ?? 10),
  typeEveryMs: Number(env.TYPE_MS ?? 500),
  moveEveryMs: Number(env.MOVE_MS ?? 15_000),
  voteEveryMs: Number(env.VOTE_MS ?? 5_000),
});
/** The irritants a round votes on, on ours. */
const VOTE_CARDS = Array.from({ length: 10 }, (_, i) => `irritant-${i}`);
/** The part of the board people's views fall in, in world units: a journey of some hundred cards. */
const WORLD = { width: 8000, height: 5000 };
const VIEW = { width: 1600, height: 900 };
const PROBES = 2;

interface Result {
  people: number;
  p50: number;
  p99: number;
  max: number;
  timed: number;
  complete: boolean;
  serverCores: number;
  loadCores: number;
  /** Bytes a person receives each second, presence and edits. */
  receivedPerPerson: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;

/**
 * On ours, the facilitator adds the irritants and opens a round on them (one dot each, placed and taken back in
 * turn); its connections stay open for the run, as a facilitator's would. The baselines have no ballots.
 */
async function openRound(url: string, board: BenchBoard): Promise<{ roundId: string; close(): void } | null> {
  const token = board.facilitatorToken;
  if (!token) return null;
  const socket = new HocuspocusProviderWebsocket({
    url: `${url.replace(/^http/, "ws")}${COLLAB_PATH}`,
    WebSocketPolyfill: WebSocket,
  });
  const boardDoc = new Y.Doc();
  const workshopDoc = new Y.Doc();
  const providers = [
    new HocuspocusProvider({ websocketProvider: socket, name: board.name, token, document: boardDoc }),
    new HocuspocusProvider({
      websocketProvider: socket,
      name: workshopDocumentName(board.name),
      token,
      document: workshopDoc,
    }),
  ];
  providers.forEach((provider) => provider.attach());
  const until = async <T>(found: () => T | undefined): Promise<T> => {
    for (let value = found(); ; value = found()) {
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await until(() => (providers.every((provider) => provider.isSynced) ? true : undefined));
  boardDoc.transact(() => VOTE_CARDS.forEach((id) => putCard(boardDoc, { id, text: id, kind: "irritants" })));
  await until(() => (providers[0]!.hasUnsyncedChanges ? undefined : true));
  const start: WorkshopCommand = {
    type: "round.start",
    rules: {
      title: "Which irritants first?",
      budgets: { irritants: 1 },
      capPerCard: 1,
      laneIds: [],
      stageIds: [],
      fromRound: null,
      blind: true,
      durationSeconds: null,
    },
  };
  providers[0]!.sendStateless(JSON.stringify(start));
  const round = await until(() =>
    Object.values(workshopDoc.getMap("rounds").toJSON() as Record<string, RoundRecord>).find(
      (record) => record.status === "open",
    ),
  );
  return {
    roundId: round.id,
    close: () => {
      providers.forEach((provider) => provider.destroy());
      socket.destroy();
    },
  };
}

function plansFor(people: number, board: BenchBoard, roundId: string | null): ClientPlan[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(board.seed, "base64"));
  const journeyId = readAll(doc, "journeys")[0]!.id;
  const writers = Math.max(1, Math.round(people * writerShare));
  const random = randomInts(people);
  return Array.from({ length: people }, (_, i) => {
    const view: ViewArea = {
      journeyId,
      x: random(0, WORLD.width - VIEW.width),
      y: random(0, WORLD.height - VIEW.height),
      ...VIEW,
    };
    const person = {
      name: `Person ${i}`,
      department: PRESET_DEPARTMENTS[i % PRESET_DEPARTMENTS.length]!,
      colour: "#336699",
    };
    const writing = i < writers ? { card: `card-${i}`, seed: board.seed } : {};
    const voting = roundId ? { voting: { roundId, cards: VOTE_CARDS, voterKey: `voter-key-of-person-${i}` } } : {};
    const probe = i >= writers && i < writers + PROBES;
    return { board: board.name, token: board.token, probe, person, view, ...writing, ...voting };
  });
}

async function measure(kind: ServerKind, people: number): Promise<Result> {
  const { server, url: started } = startServer(kind);
  const url = await started;
  const writers = Math.max(1, Math.round(people * writerShare));
  const board = await benchBoard(
    kind,
    url,
    "people",
    Array.from({ length: writers }, (_, i) => `card-${i}`),
  );
  const round = await openRound(url, board);
  const plans = spread(plansFor(people, board, round?.roundId ?? null), loadCount);
  const loads = plans.map(() => new Load());
  await Promise.all(loads.map((load, i) => load.ask<"ready">({ type: "connect", kind, url, clients: plans[i]! })));
  board.release();

  const run = async (secondsOf: number, seed: number) => {
    const ran = await Promise.all(
      loads.map((load, i) => load.ask<"ran">({ type: "people", activity: activity(secondsOf), seed: seed * 100 + i })),
    );
    const made = Object.assign({}, ...ran.map((answer) => answer.made)) as Record<number, number>;
    const total = Object.values(made).reduce((sum, items) => sum + items, 0);
    // A probe writes nothing: it should receive every item every writer made.
    const done = await Promise.all(
      loads.map((load, i) => load.ask<"done">({ type: "drain", expected: plans[i]!.map(() => total) })),
    );
    return {
      complete: done.every((answer) => answer.complete),
      frameBytes: ran.flatMap((answer) => answer.frameBytes),
    };
  };
  const warm = await run(warmupSeconds, 1);
  const cpuBefore = cpuSeconds(server.pid());
  const loadBefore = loads.reduce((sum, load) => sum + load.cpuSeconds(), 0);
  const start = performance.now();
  const measured = await run(seconds, 2);
  const wall = (performance.now() - start) / 1000;
  const serverCores = (cpuSeconds(server.pid()) - cpuBefore) / wall;
  const loadCores = (loads.reduce((sum, load) => sum + load.cpuSeconds(), 0) - loadBefore) / wall;

  const reports = await Promise.all(loads.map((load) => load.ask<"report">({ type: "report" })));
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
  const received = measured.frameBytes.reduce((sum, bytes, i) => sum + bytes - warm.frameBytes[i]!, 0);
  loads.forEach((load) => load.stop());
  round?.close();
  await server.stop();
  return {
    people,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? NaN,
    timed: latencies.length,
    complete: measured.complete,
    serverCores,
    loadCores,
    receivedPerPerson: received / seconds / people,
  };
}

const holds = (result: Result) => result.complete && result.p99 <= goalMs;
const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log(`people benchmark, ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(2))}`);
console.log(
  `${seconds} s measured after ${warmupSeconds} s; pointers at ${activity(0).cursorHz} Hz, ` +
    `${writerShare * 100} % typing every ${activity(0).typeEveryMs} ms and moving every ${activity(0).moveEveryMs} ms; ` +
    `clients in ${loadCount} processes; goal: edit p99 ≤ ${goalMs} ms`,
);
const most = new Map<ServerKind, number>();
for (const kind of servers) {
  console.log(`\n${kind}`);
  console.log(
    "| people | p50 | p99 | max | edits timed | all delivered | server | load generators | received per person | load |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  most.set(kind, 0);
  for (const people of sizes) {
    const r = await measure(kind, people);
    const cells = [String(people), ms(r.p50), ms(r.p99), ms(r.max), String(r.timed), r.complete ? "yes" : "**no**"];
    cells.push(`${r.serverCores.toFixed(2)} cores`, `${r.loadCores.toFixed(2)} cores`);
    cells.push(`${(r.receivedPerPerson / 1024).toFixed(0)} KiB/s`, loadavg()[0]!.toFixed(2));
    console.log(`| ${cells.join(" | ")} |`);
    if (!holds(r)) break;
    most.set(kind, people);
  }
}
console.log(`\nMost people on one board with edit p99 ≤ ${goalMs} ms (of ${sizes.join(", ")}):`);
for (const [kind, people] of most) console.log(`- ${kind}: ${people || `fewer than ${sizes[0]}`}`);
const ours = most.get("ours");
const baselines = [...most].filter(([kind]) => kind !== "ours").map(([, people]) => people);
if (ours !== undefined && baselines.length) {
  const best = Math.max(...baselines);
  console.log(`ours ÷ best baseline: ${best ? (ours / best).toFixed(2) : "∞ (no baseline held the smallest size)"}`);
}
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2))}`);
