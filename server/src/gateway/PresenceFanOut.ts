import type { Connection, Document } from "@hocuspocus/server";
import { MessageType } from "@hocuspocus/server";
import * as encoding from "lib0/encoding";
import { cursorsShownTo, type CursorHolder, type PresenceState } from "@journeyboard/shared";

export interface FanOutTiming {
  /** At most one awareness message per connection this often (`PRESENCE_BATCH_MS`). */
  batchMs: number;
  /** Nobody's entry goes unsent to anyone for longer (`PRESENCE_RENEW_MS`). */
  renewMs: number;
}

/** What a connection holds of the others' presence, as this server last sent it. */
interface Recipient {
  /** Whose cursor it got in the last batch. */
  shown: Set<number>;
  /** When each awareness client it holds was last sent to it. */
  sentAt: Map<number, number>;
  /** Which version of each culled client's entry it holds (`Lean.version`). */
  leanSent: Map<number, number>;
}

/** A client's entry without its pointer and view, the part that changes many times a second. */
interface Lean {
  json: string;
  bytes: Uint8Array;
  version: number;
}

interface Board {
  document: Document;
  /** Awareness clients changed since the last batch. */
  changed: Set<number>;
  batch: NodeJS.Timeout | undefined;
  renewal: NodeJS.Timeout | undefined;
  lastBatch: number;
  /** The clock of the last batch's entries: each batch's is higher than the one before. */
  clock: number;
  lean: Map<number, Lean>;
  recipients: WeakMap<Connection, Recipient>;
}

/** What a batch is made of, read once for all its connections. */
interface Batch {
  now: number;
  changed: ReadonlySet<number>;
  states: ReadonlyMap<number, PresenceState>;
  holders: readonly CursorHolder[];
  leader: string | null;
  /** A client's whole entry as JSON bytes, encoded once per batch. */
  fullOf(clientId: number): Uint8Array;
}

/** The two Hocuspocus 4.7 methods by which a document sends presence: to everyone at once, and to a newcomer. */
interface AwarenessSending {
  broadcastAwarenessUpdate(changedClients: number[]): void;
  hasAwarenessStates(): boolean;
}

const utf8 = new TextEncoder();
const NULL_STATE = utf8.encode("null");

/**
 * Sends each connection of a document its own presence batch. Hocuspocus
 * sends one awareness message, the same for all, to every connection of a
 * document, and a newcomer everyone's whole state; at hundreds of people
 * that is hundreds of pointers to everyone ten times a second. Here, each
 * connection gets at most one message per `batchMs`, holding the full
 * entries of those whose cursors it can use (`cursorsShownTo`: in its
 * view, the nearest, the leaders) and, of everyone else, the entry without
 * pointer or view, only when that part changed, or `renewMs` after it last
 * went (Yjs forgets a client not heard of for 30 s), so everyone's list of
 * people stays complete. A newcomer (or a client asking for everyone's
 * presence again) gets its first batch the same way.
 *
 * A client keeps an entry only if its clock is higher than the one it
 * holds, and one person's entry reaches several people in different forms
 * at different times: every entry of a batch carries the batch's clock
 * (the time, and always higher than the last batch's), so whatever a
 * connection is sent replaces what it holds, also after it reconnects.
 */
export class PresenceFanOut {
  private readonly boards = new Map<Document, Board>();

  constructor(
    private readonly timing: FanOutTiming,
    /** The presence `user.id` leading the board's "follow me", or null. */
    private readonly leaderOf: (documentName: string) => string | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sends this document's presence from now on, in place of Hocuspocus; before any connection is made to it. */
  take(document: Document): void {
    const sending = document as unknown as AwarenessSending;
    // Hocuspocus has no hook for a per-connection awareness send: an upgrade without these would broadcast again.
    if (typeof sending.broadcastAwarenessUpdate !== "function" || typeof sending.hasAwarenessStates !== "function") {
      throw new Error("Hocuspocus no longer sends presence through broadcastAwarenessUpdate and hasAwarenessStates");
    }
    const board: Board = {
      document,
      changed: new Set(),
      batch: undefined,
      renewal: undefined,
      lastBatch: -Infinity,
      clock: 0,
      lean: new Map(),
      recipients: new WeakMap(),
    };
    this.boards.set(document, board);
    sending.broadcastAwarenessUpdate = (changedClients) => {
      for (const clientId of changedClients) board.changed.add(clientId);
      this.schedule(board);
    };
    // Hocuspocus sends a new connection everyone's presence when there is some: it gets its first batch instead.
    sending.hasAwarenessStates = () => false;
    document.on("destroy", () => {
      clearTimeout(board.batch);
      clearTimeout(board.renewal);
      this.boards.delete(document);
    });
  }

  /** A connection with nothing yet of the others' presence: it gets all of it in its next batch. */
  welcome(connection: Connection): void {
    const board = this.boards.get(connection.document);
    if (!board) return;
    board.recipients.delete(connection);
    this.schedule(board);
  }

  /** Sends nothing more. */
  stop(): void {
    for (const board of this.boards.values()) {
      clearTimeout(board.batch);
      clearTimeout(board.renewal);
    }
    this.boards.clear();
  }

  private schedule(board: Board) {
    if (board.batch) return;
    const wait = Math.max(0, board.lastBatch + this.timing.batchMs - this.now());
    board.batch = setTimeout(() => this.send(board), wait);
  }

  private send(board: Board) {
    clearTimeout(board.batch);
    clearTimeout(board.renewal);
    board.batch = undefined;
    board.renewal = undefined;
    const now = this.now();
    board.lastBatch = now;
    board.clock = Math.max(now, board.clock + 1);
    const changed = board.changed;
    board.changed = new Set();
    const states = board.document.awareness.getStates() as Map<number, PresenceState>;
    for (const clientId of changed) this.refreshLean(board, clientId, states.get(clientId));
    const holders: CursorHolder[] = [];
    for (const [clientId, state] of states) {
      holders.push({ clientId, userId: state.user?.id, cursor: state.cursor, journeyId: state.view?.journeyId });
    }
    const full = new Map<number, Uint8Array>();
    const batch: Batch = {
      now,
      changed,
      states,
      holders,
      leader: this.leaderOf(board.document.name),
      fullOf: (clientId) => {
        let bytes = full.get(clientId);
        if (!bytes) full.set(clientId, (bytes = utf8.encode(JSON.stringify(states.get(clientId)))));
        return bytes;
      },
    };
    let nextDue = Infinity;
    for (const connection of board.document.getConnections()) {
      let recipient = board.recipients.get(connection);
      if (!recipient) {
        recipient = { shown: new Set(), sentAt: new Map(), leanSent: new Map() };
        board.recipients.set(connection, recipient);
      }
      const entries = this.entriesFor(board, recipient, board.document.getClients(connection) as Set<number>, batch);
      for (const sentAt of recipient.sentAt.values()) nextDue = Math.min(nextDue, sentAt + this.timing.renewMs);
      if (entries.length) connection.send(awarenessMessage(connection.messageAddress, board.clock, entries));
    }
    if (nextDue !== Infinity) {
      board.renewal = setTimeout(() => this.send(board), Math.max(this.timing.batchMs, nextDue - now));
    }
  }

  /**
   * What one connection gets of a batch: the full entries of those it
   * now gets in full that changed, or that it held without their pointer;
   * the others' entries without it where that part changed, or where it
   * got their pointer before; anyone's due for renewal; the departures of
   * those it held. Never its own.
   */
  private entriesFor(board: Board, recipient: Recipient, own: Set<number>, batch: Batch): [number, Uint8Array][] {
    const { now, changed, states } = batch;
    const viewerId: number = own.values().next().value ?? -1;
    const viewer = states.get(viewerId);
    const shown = cursorsShownTo(
      { clientId: viewerId, view: viewer?.view, following: viewer?.following },
      batch.holders,
      batch.leader,
    );
    const entries: [number, Uint8Array][] = [];
    for (const clientId of states.keys()) {
      if (own.has(clientId)) continue;
      const sentAt = recipient.sentAt.get(clientId);
      const due = sentAt === undefined || now - sentAt >= this.timing.renewMs;
      const wasShown = recipient.shown.has(clientId);
      if (shown.has(clientId)) {
        if (due || !wasShown || changed.has(clientId)) entries.push([clientId, batch.fullOf(clientId)]);
        continue;
      }
      const lean = board.lean.get(clientId) ?? this.refreshLean(board, clientId, states.get(clientId))!;
      if (due || wasShown || recipient.leanSent.get(clientId) !== lean.version) {
        entries.push([clientId, lean.bytes]);
        recipient.leanSent.set(clientId, lean.version);
      }
    }
    for (const [clientId] of entries) recipient.sentAt.set(clientId, now);
    for (const clientId of changed) {
      if (states.has(clientId) || !recipient.sentAt.has(clientId)) continue;
      entries.push([clientId, NULL_STATE]);
      recipient.sentAt.delete(clientId);
      recipient.leanSent.delete(clientId);
    }
    recipient.shown = shown;
    return entries;
  }

  /** Keeps a client's entry without pointer and view, a new version when that part changed. */
  private refreshLean(board: Board, clientId: number, state: PresenceState | undefined): Lean | undefined {
    if (!state) {
      board.lean.delete(clientId);
      return undefined;
    }
    const lean: PresenceState = { ...state };
    delete lean.cursor;
    delete lean.view;
    const json = JSON.stringify(lean);
    const before = board.lean.get(clientId);
    if (before?.json === json) return before;
    const refreshed = { json, bytes: utf8.encode(json), version: (before?.version ?? 0) + 1 };
    board.lean.set(clientId, refreshed);
    return refreshed;
  }
}

/** A Hocuspocus awareness message: the y-protocols update of these entries, each with the batch's clock. */
function awarenessMessage(address: string, clock: number, entries: readonly [number, Uint8Array][]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [clientId, state] of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    // The bytes of the state's JSON with their length: how y-protocols writes the JSON string.
    encoding.writeVarUint8Array(update, state);
  }
  const message = encoding.createEncoder();
  encoding.writeVarString(message, address);
  encoding.writeVarUint(message, MessageType.Awareness);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}
