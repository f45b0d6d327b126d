import { BenchClient, nowMicros, type ClientPlan } from "./client";
import type { ServerKind } from "./wire";

/**
 * A load generator: a process of its own holding some of a run's clients,
 * so that the server's CPU is the server's. Driven by its parent
 * (`relay.ts`) over IPC: `connect`, then for each phase `write` (every
 * writer makes `edits` edits at `hz`, each starting at its own offset in
 * the period) until its probes have received `expected` characters in
 * all (polled), then `report` (what was sent, and received in the phase);
 * or `join`: clients that all connect at once, each timed to its sync.
 */
export type LoadCommand =
  | { type: "connect"; kind: ServerKind; url: string; clients: ClientPlan[] }
  | { type: "write"; edits: number; hz: number; expected: number[] }
  | { type: "report" }
  | { type: "join"; kind: ServerKind; url: string; clients: ClientPlan[] };

export type LoadAnswer =
  | { type: "ready" }
  | { type: "done"; complete: boolean }
  | { type: "report"; sent: Record<number, number[]>; receipts: number[]; bytes: number[] }
  | { type: "joined"; at: number[] };

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
  const deadline = Date.now() + DRAIN_MS;
  const probesDone = () => clients.every((client, i) => !plans[i]!.probe || client.received >= expected[i]!);
  while (!probesDone() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  answer({ type: "done", complete: probesDone() });
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
