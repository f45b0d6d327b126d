import { randomInts } from "../../server/tests/support/crash";
import { BenchClient, nowMicros, type ClientPlan } from "./client";
import type { ServerKind } from "./wire";

/**
 * A load generator: a process of its own holding some of a run's clients,
 * so that the server's CPU is the server's. Driven by its parent
 * (`relay.ts`) over IPC: `connect`, then for each phase `write` (every
 * writer makes `edits` edits at `hz`, each starting at its own offset in
 * the period) until its probes have received `expected` characters in
 * all (polled), then `report` (what was sent, and received in the phase);
 * or `join`: clients that all connect at once, each timed to its sync; or
 * `people` (`people.ts`): a workshop for `seconds`, every client moving its
 * pointer in its view and voting (on ours), the writers typing and moving their cards, then
 * `drain` until the probes have every item made.
 */
export type LoadCommand =
  | { type: "connect"; kind: ServerKind; url: string; clients: ClientPlan[] }
  | { type: "write"; edits: number; hz: number; expected: number[] }
  | { type: "report" }
  | { type: "join"; kind: ServerKind; url: string; clients: ClientPlan[] }
  | { type: "people"; activity: Activity; seed: number }
  | { type: "drain"; expected: number[] };

/** What each simulated person does in a workshop (`people`). */
export interface Activity {
  seconds: number;
  /** Pointer moves a second, each client. */
  cursorHz: number;
  /** A writer types a character this often. */
  typeEveryMs: number;
  /** A writer moves its card to another cell this often. */
  moveEveryMs: number;
  /** A voter places its dot, or takes it back, this often. */
  voteEveryMs: number;
}

export type LoadAnswer =
  | { type: "ready" }
  | { type: "done"; complete: boolean }
  | { type: "report"; sent: Record<number, number[]>; receipts: number[]; bytes: number[] }
  | { type: "joined"; at: number[] }
  /** After a workshop: each writer's items made so far, by Yjs client id; the frame bytes each client received. */
  | { type: "ran"; made: Record<number, number>; frameBytes: number[] };

/** How long the probes may take to receive everything once the writers are done: past it, the run counts as lossy. */
const DRAIN_MS = 30_000;

let clients: BenchClient[] = [];
let plans: ClientPlan[] = [];
const answer = (message: LoadAnswer) => process.send!(message);

process.on("message", (command: LoadCommand) => {
  if (command.type === "connect") {
    plans = command.clients;
    clients = plans.map((plan) => new BenchClient(command.kind, command.url, plan));
    void Promise.all(clients.map((client) => client.ready)).then(() => answer({ type: "ready" }));
  } else if (command.type === "join") {
    // Every client at once; each time taken when it holds the whole board (the server's second sync step).
    const joining = command.clients.map((plan) => new BenchClient(command.kind, command.url, plan));
    clients.push(...joining);
    void Promise.all(joining.map((client) => client.ready.then(nowMicros))).then((at) =>
      answer({ type: "joined", at }),
    );
  } else if (command.type === "write") void phase(command.edits, command.hz, command.expected);
  else if (command.type === "people") void workshop(command.activity, command.seed);
  else if (command.type === "drain") void drain(command.expected);
  else report();
});

let receiptsBefore: number[] = [];

async function phase(edits: number, hz: number, expected: number[]) {
  receiptsBefore = clients.map((client) => client.receipts.length);
  const writers = clients.filter((_, i) => plans[i]!.card !== undefined);
  const periodMicros = 1e6 / hz;
  const start = nowMicros();
  await Promise.all(
    writers.map(
      (writer, i) =>
        new Promise<void>((resolve) => {
          const offset = (i / writers.length) * periodMicros;
          let made = 0;
          const next = () => {
            writer.write();
            if (++made === edits) return resolve();
            setTimeout(next, Math.max(0, (start + offset + made * periodMicros - nowMicros()) / 1000));
          };
          setTimeout(next, offset / 1000);
        }),
    ),
  );
  await drain(expected);
}

async function drain(expected: number[]) {
  const deadline = Date.now() + DRAIN_MS;
  const probesDone = () => clients.every((client, i) => !plans[i]!.probe || client.received >= expected[i]!);
  while (!probesDone() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  answer({ type: "done", complete: probesDone() });
}

/** Runs `task` every `periodMs` until `end` (µs), starting at a random point of the first period. */
function every(periodMs: number, end: number, random: (min: number, max: number) => number, task: () => void) {
  // Each run at its time in the schedule, not a period after the last: a busy process catches up instead of slowing.
  const start = nowMicros() + random(0, Math.max(0, Math.round(periodMs * 1000) - 1));
  return new Promise<void>((resolve) => {
    let runs = 0;
    const wait = () => {
      const next = start + runs * periodMs * 1000;
      if (next >= end) setTimeout(resolve, Math.max(0, (end - nowMicros()) / 1000));
      else setTimeout(tick, Math.max(0, (next - nowMicros()) / 1000));
    };
    const tick = () => {
      task();
      runs += 1;
      wait();
    };
    wait();
  });
}

/** Everyone's pointer moves within their view at `cursorHz`; writers type and move their cards; then what was made. */
async function workshop(activity: Activity, seed: number) {
  receiptsBefore = clients.map((client) => client.receipts.length);
  const random = randomInts(seed);
  const end = nowMicros() + activity.seconds * 1e6;
  const tasks = clients.flatMap((client, i) => {
    const plan = plans[i]!;
    const view = plan.view;
    const pointing = view
      ? [
          every(1000 / activity.cursorHz, end, random, () =>
            client.point(
              { x: view.x + random(0, Math.round(view.width)), y: view.y + random(0, Math.round(view.height)) },
              view,
            ),
          ),
        ]
      : [];
    const unit = () => random(0, 999_999) / 1e6;
    const voting = plan.voting ? [every(activity.voteEveryMs, end, random, () => client.vote(unit))] : [];
    if (plan.card === undefined) return [...pointing, ...voting];
    return [
      ...pointing,
      ...voting,
      every(activity.typeEveryMs, end, random, () => client.write()),
      every(activity.moveEveryMs, end, random, () => client.move(unit)),
    ];
  });
  await Promise.all(tasks);
  const made: Record<number, number> = {};
  clients.forEach((client, i) => {
    if (plans[i]!.card !== undefined) made[client.clientId] = client.sent.length;
  });
  answer({ type: "ran", made, frameBytes: clients.map((client) => client.frameBytes) });
}

/** Every send time of each writer (indexed by clock), and the receipts of the last phase. */
function report() {
  const sent: Record<number, number[]> = {};
  clients.forEach((client, i) => {
    if (plans[i]!.card !== undefined) sent[client.clientId] = client.sent;
  });
  const receipts = clients.flatMap((client, i) => client.receipts.slice(receiptsBefore[i]));
  answer({ type: "report", sent, receipts, bytes: clients.map((client) => client.bytes) });
}
