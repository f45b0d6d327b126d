import * as Y from "yjs";
import { expect } from "vitest";
import {
  DomainError,
  addCard,
  createUndoManager,
  invariantViolations,
  localUserOrigin,
  needsRepair,
  repairAfter,
  serverOrigin,
} from "../../src/index";
import { newBoardDoc } from "../boards";
import { seededIds } from "./ids";
import { mergeOperations } from "./merging";
import { boardOperations } from "./operations";
import { prng } from "./random";
import { TypingLedger } from "./texts";
import { typingOperations, type Typist } from "./typing";

const REMOTE = Symbol("remote");

/** Fixed Yjs client ids: which of two concurrent writes wins is decided by them, so they are part of the seed. */
const BOARD_CLIENT = 1;
const HUB_CLIENT = 2;
const CLIENT_NAMES = ["a", "b", "c"];

/**
 * The real topology: clients talk only to the server, over ordered links.
 * Which link delivers next is random, so clients' edits interleave in any
 * order; each link keeps its own order, as a WebSocket does.
 */
interface Replica {
  doc: Y.Doc;
  /** Updates waiting on the link into this replica, oldest first, each with the replica that sent it. */
  inbox: Array<{ update: Uint8Array; from: Replica | null }>;
}
type Client = Replica & Typist;

const replicaOf = (start: Uint8Array, clientID: number): Replica => {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, start, REMOTE);
  return { doc, inbox: [] };
};

/**
 * Three clients and a server run `steps` random steps drawn from `seed`
 * (an operation by a client, or one update delivered on one link), with the
 * board's invariants checked after each on the replica it changed; then everything
 * is delivered. Everything is drawn from the seed (record ids, client ids,
 * pauses in typing), so a seed replays exactly. `oneCard`: the clients only
 * type, all of them in one card; `merges`: they merge duplicates in two
 * crowded cells (`merging.ts`) and type.
 */
export function simulate(seed: number, steps: number, mix: "workshop" | "oneCard" | "merges" = "workshop") {
  seededIds.reset(seed);
  const rnd = prng(seed);
  const base = newBoardDoc(BOARD_CLIENT);
  const journeyId = base.journeyId;
  const [stage, lane] = [base.stages[0]!, base.lanes[0]!];
  const card = { journeyId, stageId: stage.id, laneId: lane.id, authorName: "", authorDepartment: "sales" };
  addCard(base.doc, { ...card, id: "0-card", text: "", createdAt: 1 }, serverOrigin("create-board"));
  const start = Y.encodeStateAsUpdate(base.doc);

  const ledger = new TypingLedger();
  const hub: Replica & { sender: Replica | null } = { ...replicaOf(start, HUB_CLIENT), sender: null };
  const clients: Client[] = CLIENT_NAMES.map((name, i) => {
    const replica = replicaOf(start, HUB_CLIENT + 1 + i);
    const origin = localUserOrigin();
    const undoManager = createUndoManager(replica.doc, origin);
    // Pauses in typing come from the seed (`pause`), not from how fast this machine runs the test.
    undoManager.captureTimeout = Number.POSITIVE_INFINITY;
    return { ...replica, origin, undoManager, name, markers: 0, word: null };
  });
  for (const client of clients) {
    client.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) hub.inbox.push({ update, from: client });
    });
  }
  hub.doc.on("update", (update: Uint8Array) => {
    for (const client of clients) if (client !== hub.sender) client.inbox.push({ update, from: hub });
  });
  hub.doc.on("afterTransaction", (transaction: Y.Transaction) => {
    if (transaction.origin !== REMOTE || !needsRepair(hub.doc, transaction)) return;
    hub.sender = null;
    const changed = transaction.changed;
    ledger.watch(hub.doc, () => hub.doc.transact(() => repairAfter(hub.doc, changed), serverOrigin("repair")));
  });

  const typing = typingOperations(rnd, ledger, journeyId, mix === "oneCard" ? 1 : 0.45);
  const board = {
    workshop: () => boardOperations(rnd, seed, journeyId),
    oneCard: () => [typing.pause, typing.keystroke, typing.keystroke],
    merges: () => mergeOperations(rnd, seed, journeyId),
  }[mix]();
  const typed = mix === "oneCard" ? [typing.keystroke] : typing.all;
  const deliverToHub = () => {
    const { update, from } = hub.inbox.shift()!;
    hub.sender = from;
    Y.applyUpdate(hub.doc, update, REMOTE);
    hub.sender = null;
  };
  const deliverToClient = (client: Client) => {
    const next = client.inbox.shift();
    if (next) Y.applyUpdate(client.doc, next.update, REMOTE);
  };
  const replicas = () => [hub, ...clients].map((r) => r.doc);

  for (let step = 0; step < steps; step++) {
    const roll = rnd.next();
    // A step changes one replica only (what it sends waits in an inbox): that one is checked.
    let changed: Replica;
    if (roll < 0.5) {
      const client = rnd.pick(clients)!;
      changed = client;
      try {
        // Half of what people do is typing, as in a workshop.
        const operation = rnd.pick(rnd.next() < 0.5 ? typed : board)!;
        ledger.watch(client.doc, () => operation(client));
      } catch (error) {
        // An operation aimed at something a concurrent change just removed is refused whole.
        if (!(error instanceof DomainError)) throw error;
      }
    } else if (roll < 0.75 && hub.inbox.length) {
      changed = hub;
      deliverToHub();
    } else {
      const client = rnd.pick(clients)!;
      changed = client;
      deliverToClient(client);
    }
    expect(invariantViolations(changed.doc), `seed ${seed}, step ${step}`).toEqual([]);
  }
  for (const client of clients) if (client.word) client.word.marker.open = false;
  while (hub.inbox.length || clients.some((c) => c.inbox.length)) {
    while (hub.inbox.length) deliverToHub();
    clients.forEach(deliverToClient);
  }
  return { docs: replicas(), journeyId, ledger };
}
