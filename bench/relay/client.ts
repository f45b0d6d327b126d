import WebSocket from "ws";
import * as Y from "yjs";
import {
  editText,
  lanesOf,
  localUserOrigin,
  moveCard,
  readRecord,
  stagesOf,
  textOf,
  type ViewArea,
  type WorkshopCommand,
} from "@journeyboard/shared";
import { WIRES, type ServerKind } from "./wire";

/** The machine's monotonic clock in µs: the same in every process, so a time taken in one compares with another's. */
export const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

/** The texts stay this long: each edit past it also deletes the oldest character. */
const TEXT_LENGTH = 100;

export interface ClientPlan {
  board: string;
  token: string;
  /** The card this client types into, a character per update, if it writes. */
  card?: string;
  /** The board as the server holds it (base64), for a writer to type into: a writer builds on it without syncing it. */
  seed?: string;
  /** Whether it decodes every update it receives, to time each edit's propagation; the others count bytes. */
  probe: boolean;
  /** Who it is in presence, for a client that shares a pointer (`people.ts`). */
  person?: { name: string; department: string; colour: string };
  /** What it has on screen, where its pointer moves (`people.ts`). */
  view?: ViewArea;
  /** The round it votes in, on these cards, as this voter (ours only: the baselines have no ballots). */
  voting?: { roundId: string; cards: string[]; voterKey: string };
}

/**
 * One simulated participant: it speaks the server's protocol by hand
 * (`wire.ts`), never applies what it receives, and, as a writer, types into
 * its own card of a board it was given. A writer's k-th edit is its Yjs
 * client's clock k (one character each), which is how a probe in another
 * process names the edit it received.
 */
export class BenchClient {
  readonly ready: Promise<void>;
  bytes = 0;
  /** Bytes of every frame received, presence included. */
  frameBytes = 0;
  /** Items made by others (characters typed, fields a move set), received (a probe's count). */
  received = 0;
  /** A probe's receipts: writer's client id, clock, µs, one after another. */
  readonly receipts: number[] = [];
  /** A writer's edits: the µs at which the item of each clock was sent. */
  readonly sent: number[] = [];
  private readonly socket: WebSocket;
  private readonly doc = new Y.Doc();
  private readonly wire;
  private synced = false;
  private presenceClock = 0;
  /** The card its one dot is on, if it has placed it. */
  private dot: string | null = null;
  private votes = 0;

  constructor(
    kind: ServerKind,
    url: string,
    private readonly plan: ClientPlan,
  ) {
    const wire = WIRES[kind];
    this.wire = wire;
    this.socket = new WebSocket(`${url.replace(/^http/, "ws")}${wire.path(plan.board)}`);
    if (plan.seed) Y.applyUpdate(this.doc, Buffer.from(plan.seed, "base64"));
    this.doc.on("update", (update: Uint8Array) => {
      // By clock, each item the update makes: a move sets several fields, a typed character makes one.
      const at = nowMicros();
      for (const struct of Y.decodeUpdate(update).structs) {
        if (struct.id.client !== this.doc.clientID) continue;
        for (let k = 0; k < struct.length; k++) this.sent[struct.id.clock + k] = at;
      }
      this.socket.send(wire.update(plan.board, update));
    });
    this.ready = new Promise((resolve, reject) => {
      this.socket.on("error", reject);
      this.socket.once("open", () => {
        for (const frame of wire.opening(plan.board, plan.token)) this.socket.send(frame);
        const { person, voting } = plan;
        if (voting && person) {
          this.command({
            type: "vote.hello",
            voterKey: voting.voterKey,
            name: person.name,
            department: person.department,
          });
        }
        if (wire.readyOnOpen) resolve();
      });
      this.socket.on("message", (data: Buffer) => {
        this.frameBytes += data.byteLength;
        const incoming = wire.read(plan.board, data);
        if (incoming.kind === "answer") this.socket.send(incoming.frame);
        else if (incoming.kind === "refused") reject(new Error(`refused: ${incoming.reason}`));
        else if (incoming.kind === "synced" && !this.synced) {
          this.synced = true;
          resolve();
        } else if (incoming.kind === "update" && (this.synced || wire.readyOnOpen)) this.receive(incoming.update);
      });
    });
  }

  get clientId(): number {
    return this.doc.clientID;
  }

  /** One edit: a character typed at the start of the card's text (the oldest one deleted past TEXT_LENGTH). */
  write(): void {
    const card = this.plan.card!;
    const length = textOf(this.doc, "cards", card, "text")!.length;
    const splice = { index: 0, remove: length >= TEXT_LENGTH ? 1 : 0, insert: "x" };
    editText(this.doc, { root: "cards", id: card, field: "text", splice }, localUserOrigin());
  }

  /** Moves its card to another cell of its journey, at the cell's start. */
  move(random: () => number): void {
    const card = readRecord(this.doc, "cards", this.plan.card!)!;
    const stages = stagesOf(this.doc, card.journeyId);
    const lanes = lanesOf(this.doc, card.journeyId);
    const stageId = stages[Math.floor(random() * stages.length)]!.id;
    const laneId = lanes[Math.floor(random() * lanes.length)]!.id;
    moveCard(this.doc, { id: card.id, stageId, laneId, index: 0 }, localUserOrigin());
  }

  /** Shares where its pointer is and what it has on screen, as the app's presence does. */
  point(cursor: { x: number; y: number }, view: ViewArea | null): void {
    const state = { user: this.plan.person, cursor, editing: null, ...(view ? { view } : {}) };
    this.socket.send(this.wire.presence(this.plan.board, this.doc.clientID, ++this.presenceClock, state));
  }

  /** Places its dot on one of the round's cards, or takes it back: one vote command either way. */
  vote(random: () => number): void {
    const { roundId, cards } = this.plan.voting!;
    const requestId = `vote-${++this.votes}`;
    if (this.dot) {
      this.command({ type: "vote.remove", roundId, cardId: this.dot, requestId });
      this.dot = null;
    } else {
      const cardId = cards[Math.floor(random() * cards.length)]!;
      this.command({ type: "vote.add", roundId, cardId, requestId });
      this.dot = cardId;
    }
  }

  private command(command: WorkshopCommand): void {
    this.socket.send(this.wire.stateless!(this.plan.board, JSON.stringify(command)));
  }

  close(): void {
    this.socket.terminate();
  }

  private receive(update: Uint8Array) {
    this.bytes += update.byteLength;
    if (!this.plan.probe) return;
    const at = nowMicros();
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item) || struct.id.client === this.doc.clientID) continue;
      for (let k = 0; k < struct.length; k++) this.receipts.push(struct.id.client, struct.id.clock + k, at);
      this.received += struct.length;
    }
  }
}
