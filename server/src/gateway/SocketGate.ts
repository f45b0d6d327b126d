import type { Connection, Hocuspocus } from "@hocuspocus/server";
import { MessageType } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import type { WebSocket } from "ws";
import { MAX_PRESENCE_BYTES, UPDATE_REFUSALS, type ResyncMessage } from "@journeyboard/shared";
import type { BoardContext } from "../extensions/context";
import { checkUpdate } from "../guard/checkUpdate";
import { UpdateRefused } from "../guard/updateChanges";
import type { Logger } from "../logger";
import { countRefusal } from "../metrics";
import * as Y from "yjs";
import {
  FROM_CLIENTS,
  isTokenMessage,
  readEnvelope,
  writeAwareness,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
  type AwarenessEntry,
  type Envelope,
} from "./frames";
import type { Capacity } from "./capacity";
import { GATE_CLOSE, type GateLimits } from "./limits";
import { answerBytes, answerFullSync, type WholeState } from "./fullSync";
import type { BoardRules } from "../workshop/GuardRules";
import { standingAmong } from "../workshop/PeopleService";
import { claimPresence, scanAwareness, stampPresence, type RawPresence } from "./presence";
import type { PresenceBatches } from "./PresenceBatches";
import type { PresenceFanOut } from "./PresenceFanOut";
import { RateLimit } from "./RateLimit";

export interface GateDeps {
  /** What the board's workshop holds that decides what an update may change, as the store holds it now. */
  rulesOf(boardId: string): Promise<BoardRules>;
  /** Resolves once the board's size is known exactly (its log folded off the event loop). */
  foldBoard(boardId: string, document: Y.Doc): Promise<void>;
  /** A document's whole state, for a client that has nothing. */
  wholeState: WholeState;
  /** Where presence waits for its board's next batch. */
  presence: PresenceBatches;
  /** What sends each connection the others' presence. */
  presenceOut: PresenceFanOut;
  /** The server's budget, shared by every socket. */
  capacity: Capacity;
  logger: Logger;
  limits: GateLimits;
  now: () => number;
}

type ClientConnection = ReturnType<Hocuspocus["handleConnection"]>;

/**
 * Resolves after the event loop has gone round once. A chain of promises
 * runs without returning to it, so a burst of hundreds of messages from one
 * socket would be handled before any other socket's frame is even read;
 * waiting here between messages lets the others take their turn.
 */
const turnOfTheEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Stands between one WebSocket and Hocuspocus and reads every frame first.
 * Document updates are checked whole before Hocuspocus applies them
 * (checkUpdate): a refused one is dropped, never relayed, and its sender is
 * told to resync. Presence is rewritten: one awareness client per
 * connection, known fields only, the role stamped from the token, and
 * applied without Hocuspocus's per-message scratch document. Frames for a
 * document still authenticating wait here, so none skips the checks.
 */
export class SocketGate {
  private readonly open = new Map<string, Connection>();
  private readonly waiting = new Map<string, Uint8Array[]>();
  private waitingBytes = 0;
  /** Per document still authenticating: closes the socket if it takes too long. */
  private readonly deadlines = new Map<string, NodeJS.Timeout>();
  /** The awareness client each document connection speaks for. */
  private readonly presenceOf = new Map<string, number>();
  /** Per document: the frames in order, each handled once Hocuspocus is done with the one before. */
  private readonly chains = new Map<string, Promise<void>>();
  /** Per document: the presence read so far (whether the board is anonymous), in the order it came. */
  private readonly presenceReads = new Map<string, Promise<void>>();
  /** Per document: updates waiting for what they build on. */
  private readonly unresolved = new Map<string, Uint8Array[]>();
  private readonly messages: RateLimit;
  private readonly bytes: RateLimit;
  private readonly records: RateLimit;
  private readonly presence: RateLimit;
  private readonly syncs: RateLimit;
  private readonly wholeStateBytes: RateLimit;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly client: ClientConnection,
    private readonly deps: GateDeps,
  ) {
    this.messages = new RateLimit(deps.limits.messagesPerSecond, deps.limits.messageBurst, deps.now);
    this.bytes = new RateLimit(deps.limits.bytesPerSecond, deps.limits.bytesBurst, deps.now);
    this.records = new RateLimit(deps.limits.recordsPerSecond, deps.limits.recordsBurst, deps.now);
    this.presence = new RateLimit(deps.limits.presencePerSecond, deps.limits.presencePerSecond, deps.now);
    this.syncs = new RateLimit(deps.limits.syncsPerSecond, deps.limits.syncBurst, deps.now);
    this.wholeStateBytes = new RateLimit(
      deps.limits.wholeStateBytesPerSecond,
      deps.limits.wholeStateBurstBytes,
      deps.now,
    );
  }

  receive(data: Uint8Array): void {
    if (this.closed) return;
    if (!this.messages.take() || !this.bytes.take(data.byteLength)) return this.close(GATE_CLOSE.rateLimit);
    if (data.byteLength === 1 && data[0] === MessageType.Pong) {
      // The answer to the heartbeat (server.ts): the client is there.
      this.client.lastMessageReceivedAt = Date.now();
      return;
    }
    let envelope: Envelope;
    try {
      envelope = readEnvelope(data);
    } catch {
      return this.close(GATE_CLOSE.malformed);
    }
    const connection = this.open.get(envelope.documentName);
    if (envelope.type === MessageType.Auth) {
      if (!isTokenMessage(envelope)) return this.close(GATE_CLOSE.malformed);
      // Authenticating a document again on the same socket is not something a provider does.
      return connection ? undefined : this.client.handleMessage(data);
    }
    if (!connection) return this.hold(envelope.documentName, data);
    this.pass(connection, envelope, data);
  }

  /** Hocuspocus established this document on the socket: what waited for it goes through the checks now. */
  opened(documentName: string, connection: Connection): void {
    this.open.set(documentName, connection);
    connection.onClose(() => {
      this.open.delete(documentName);
      this.presenceOf.delete(documentName);
      this.chains.delete(documentName);
      this.unresolved.delete(documentName);
      this.presenceReads.delete(documentName);
    });
    const waiting = this.waiting.get(documentName) ?? [];
    this.stopWaiting(documentName);
    for (const data of waiting) this.pass(connection, readEnvelope(data), data);
  }

  /**
   * The server could not tell whether this socket may open a document (its
   * storage failed): closes the socket so its client tries again, rather
   * than refusing a token that may well be good.
   */
  storageUnavailable(): void {
    this.close(GATE_CLOSE.storageUnavailable);
  }

  /** The socket closed: what it held goes back to the server's budget. */
  dispose(): void {
    this.closed = true;
    for (const documentName of [...this.waiting.keys()]) this.stopWaiting(documentName);
  }

  /**
   * Keeps a frame until its document is authenticated, within this
   * socket's budget and the server's, and for a limited time: a token
   * refused, or a document never authenticated, does not keep bytes here.
   */
  private hold(documentName: string, data: Uint8Array) {
    if (this.waitingBytes + data.byteLength > this.deps.limits.pendingBytes) return this.close(GATE_CLOSE.pendingLimit);
    if (!this.deps.capacity.hold(data.byteLength)) return this.close(GATE_CLOSE.pendingLimit);
    this.waitingBytes += data.byteLength;
    const waiting = this.waiting.get(documentName);
    if (waiting) {
      waiting.push(data);
      return;
    }
    this.waiting.set(documentName, [data]);
    const deadline = setTimeout(
      () => this.close(GATE_CLOSE.authenticationTimeout),
      this.deps.capacity.limits.authenticationMs,
    );
    this.deadlines.set(documentName, deadline);
  }

  private stopWaiting(documentName: string) {
    const bytes = (this.waiting.get(documentName) ?? []).reduce((sum, frame) => sum + frame.byteLength, 0);
    this.waitingBytes -= bytes;
    this.deps.capacity.free(bytes);
    this.waiting.delete(documentName);
    clearTimeout(this.deadlines.get(documentName));
    this.deadlines.delete(documentName);
  }

  private pass(connection: Connection, envelope: Envelope, data: Uint8Array) {
    if (envelope.type === MessageType.Awareness) {
      // Hocuspocus closes a socket it has not heard from for a while, by its own clock; presence counts as hearing.
      this.client.lastMessageReceivedAt = Date.now();
      try {
        return this.applyPresence(connection, envelope);
      } catch {
        return this.close(GATE_CLOSE.malformed);
      }
    }
    if (!FROM_CLIENTS.has(envelope.type)) return;
    // Asked for everyone's presence again: it comes in the connection's next batch, culled as every batch is.
    if (envelope.type === MessageType.QueryAwareness) return this.deps.presenceOut.welcome(connection);
    if (envelope.type === MessageType.Stateless) {
      if (data.byteLength > this.deps.limits.statelessBytes) {
        this.deps.logger.warn({ bytes: data.byteLength }, "stateless message over the limit dropped");
        return;
      }
      try {
        decoding.readVarString(envelope.decoder);
      } catch {
        return this.close(GATE_CLOSE.malformed);
      }
    }
    // Each first sync step makes the server send what the client lacks, up to the whole board: counted on its
    // own, as it arrives, so a flood is refused at once instead of queueing behind the answers it asks for.
    if (this.isFirstSyncStep(envelope) && !this.syncs.take()) return this.close(GATE_CLOSE.rateLimit);
    // Hocuspocus applies messages asynchronously: each waits for the one before, so an update is checked
    // against a board that holds everything sent before it, and a command follows the update it builds on.
    const previous = this.chains.get(envelope.documentName) ?? Promise.resolve();
    const next = previous
      .then(turnOfTheEventLoop)
      .then(() => connection.waitForPendingMessages())
      .then(() => this.forward(connection, envelope, data))
      .catch((error: unknown) => {
        // What fails here is reading the client's bytes: checkUpdate turns its own refusals into a resync.
        this.deps.logger.warn({ problem: (error as Error).message }, "frame could not be read");
        this.close(GATE_CLOSE.malformed);
      });
    this.chains.set(envelope.documentName, next);
  }

  private isFirstSyncStep(envelope: Envelope): boolean {
    if (envelope.type !== MessageType.Sync && envelope.type !== MessageType.SyncReply) return false;
    try {
      return decoding.readVarUint(decoding.clone(envelope.decoder)) === SYNC_STEP_1;
    } catch {
      // Unreadable: forward() finds it so and closes the connection as malformed.
      return false;
    }
  }

  private async forward(connection: Connection, envelope: Envelope, data: Uint8Array) {
    if (envelope.type !== MessageType.Sync && envelope.type !== MessageType.SyncReply) {
      return this.client.handleMessage(data);
    }
    const kind = decoding.readVarUint(envelope.decoder);
    if (kind === SYNC_STEP_1) {
      const stateVector = Y.decodeStateVector(decoding.readVarUint8Array(envelope.decoder));
      if (stateVector.size === 0 && envelope.type === MessageType.Sync) return this.answerWhole(connection);
      return this.client.handleMessage(data);
    }
    if (kind !== SYNC_STEP_2 && kind !== SYNC_UPDATE) throw new Error(`unknown sync message ${kind}`);
    const update = decoding.readVarUint8Array(envelope.decoder);
    if (connection.readOnly) {
      // Hocuspocus reads a read-only connection's update to answer it, and refuses it: it must at least decode.
      Y.decodeUpdate(update);
      return this.client.handleMessage(data);
    }
    let verdict = await this.verdict(connection, update);
    if (verdict instanceof UpdateRefused && verdict.reason === UPDATE_REFUSALS.boardFull) {
      // Full by the bytes it is stored in, which count what its log says twice: folded, it may have room.
      await this.deps.foldBoard((connection.context as BoardContext).boardId, connection.document);
      verdict = await this.verdict(connection, update);
    }
    if (verdict === "unresolved") return this.holdUnresolved(connection, envelope.documentName, data);
    // Closed, not refused: the client keeps the update and sends it again once it has reconnected.
    if (verdict === "over-budget") return this.close(GATE_CLOSE.rateLimit);
    if (verdict !== "accepted") return this.resync(connection, envelope.documentName, verdict);
    this.client.handleMessage(data);
    await connection.waitForPendingMessages();
    await this.retryUnresolved(connection, envelope.documentName);
  }

  /**
   * Sends a client that has nothing the whole document, within this
   * connection's budget of such bytes and the server's budget of bytes
   * sent and not yet taken: asking again and again, or never reading, is
   * refused instead of piling copies of a board up in memory.
   */
  private answerWhole(connection: Connection) {
    const pieces = this.deps.wholeState(connection.document.name, connection.document);
    const bytes = answerBytes(pieces);
    if (!this.wholeStateBytes.take(bytes)) return this.close(GATE_CLOSE.rateLimit);
    if (!this.deps.capacity.send(bytes)) return this.close(GATE_CLOSE.serverBusy);
    answerFullSync(this.ws, connection, pieces, () => this.deps.capacity.sent(bytes));
  }

  private async verdict(
    connection: Connection,
    update: Uint8Array,
  ): Promise<"accepted" | "unresolved" | "over-budget" | UpdateRefused> {
    const context = connection.context as BoardContext;
    const { boardId } = context;
    const { phase, locks, cofacilitators, othersCards, anonymous } = await this.deps.rulesOf(boardId);
    try {
      const role = standingAmong(context, cofacilitators);
      const author = { role, person: context.person, othersOpen: othersCards[phase], phase, locks, anonymous };
      const { recordsTouched } = checkUpdate(connection.document, update, author, this.deps.limits);
      return this.records.takeOwing(recordsTouched) ? "accepted" : "over-budget";
    } catch (error) {
      if (!(error instanceof UpdateRefused)) throw error;
      return error.reason === UPDATE_REFUSALS.unresolvable ? "unresolved" : error;
    }
  }

  /**
   * Keeps an update that builds on changes not here yet: a client that
   * reconnects may send a new edit before the sync message holding the older
   * ones. It goes on (and is acknowledged) once they arrive.
   */
  private holdUnresolved(connection: Connection, documentName: string, data: Uint8Array) {
    const held = this.unresolved.get(documentName) ?? [];
    const bytes = held.reduce((sum, frame) => sum + frame.byteLength, data.byteLength);
    if (bytes > this.deps.limits.unresolvedBytes) {
      return this.resync(
        connection,
        documentName,
        new UpdateRefused(UPDATE_REFUSALS.unresolvable, `${bytes} bytes wait for changes that never came`),
      );
    }
    this.unresolved.set(documentName, [...held, data]);
  }

  private async retryUnresolved(connection: Connection, documentName: string) {
    let progress = true;
    while (progress) {
      progress = false;
      for (const data of this.unresolved.get(documentName) ?? []) {
        const envelope = readEnvelope(data);
        decoding.readVarUint(envelope.decoder);
        const verdict = await this.verdict(connection, decoding.readVarUint8Array(envelope.decoder));
        if (verdict === "unresolved") continue;
        if (verdict === "over-budget") return this.close(GATE_CLOSE.rateLimit);
        this.unresolved.set(
          documentName,
          (this.unresolved.get(documentName) ?? []).filter((frame) => frame !== data),
        );
        if (verdict !== "accepted") return this.resync(connection, documentName, verdict);
        this.client.handleMessage(data);
        await connection.waitForPendingMessages();
        progress = true;
      }
    }
  }

  /** Drops what the client sent that the board does not take, and tells it to start again from the board. */
  private resync(connection: Connection, documentName: string, refusal: UpdateRefused) {
    this.unresolved.delete(documentName);
    countRefusal("update", refusal.reason);
    const context = connection.context as BoardContext;
    this.deps.logger.warn({ board: context.boardId, reason: refusal.reason, detail: refusal.detail }, "update refused");
    const message: ResyncMessage = { type: "resync", reason: refusal.reason, detail: refusal.detail };
    connection.sendStateless(JSON.stringify(message));
  }

  /**
   * Takes the sender's own presence (`claimPresence`, decided as it
   * arrives) for its board's next batch, where it is checked and stamped.
   */
  private applyPresence(connection: Connection, envelope: Envelope) {
    const update = decoding.readVarUint8Array(envelope.decoder);
    if (update.byteLength > MAX_PRESENCE_BYTES || !this.presence.take()) return;
    const known = this.presenceOf.get(envelope.documentName);
    const { entry, speaksFor } = claimPresence(scanAwareness(update), connection, known);
    if (speaksFor !== known) this.presenceOf.set(envelope.documentName, speaksFor!);
    if (!entry) return;
    const { boardId } = connection.context as BoardContext;
    const { documentName } = envelope;
    // In the order it came, so an older presence never replaces a newer one whose read answered first.
    const read = (this.presenceReads.get(documentName) ?? Promise.resolve()).then(async () => {
      const { anonymous } = await this.deps.rulesOf(boardId);
      this.deps.presence.offer(connection.document, connection, () => this.showPresence(connection, entry, anonymous));
    });
    this.presenceReads.set(
      documentName,
      read.catch((error: unknown) => this.deps.logger.error({ err: error, board: boardId }, "presence not read")),
    );
  }

  /** A batch's turn: the presence checked, stamped (`stampPresence`) and applied, unless the connection has gone. */
  private showPresence(connection: Connection, entry: RawPresence, anonymous: boolean) {
    if (this.closed || !connection.document.hasConnection(connection)) return;
    let stamped: AwarenessEntry | undefined;
    try {
      const context = connection.context as BoardContext;
      stamped = stampPresence(entry, context.role, context.person, context.invite, anonymous);
    } catch {
      return this.close(GATE_CLOSE.malformed);
    }
    if (stamped) connection.document.applyAwarenessUpdate(connection, writeAwareness([stamped]));
  }

  private close({ code, reason }: { code: number; reason: string }) {
    if (this.closed) return;
    this.dispose();
    countRefusal("connection", reason);
    this.deps.logger.warn({ code, reason }, "connection closed by the gate");
    this.ws.close(code, reason);
  }
}
