import type { Extension, beforeSyncPayload, onLoadDocumentPayload, onStoreDocumentPayload } from "@hocuspocus/server";
import { messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";
import * as Y from "yjs";
import { AUTH_FAILURES, migrateBoard, parseDocumentName, schemaVersionOf } from "@journeyboard/shared";
import type { Logger } from "../logger";
import { metrics } from "../metrics";
import { boardSizeIs } from "../guard/boardBytes";
import type { BoardStore, StoredBoard } from "../storage/BoardStore";
import { GroupedAppends } from "../storage/GroupedAppends";
import { applyUnheard, piecesOf } from "../storage/storedBoard";
import { ConnectionRefused } from "./context";
import type { GateContext } from "./Gate";

export interface BoardPersistenceConfig {
  /** Fold the update log into a snapshot once it holds this many updates... */
  compactAfterUpdates: number;
  /** ...or this many bytes... */
  compactAfterBytes: number;
  /**
   * ...or, for a large board, this share of its snapshot's bytes, in updates
   * of 4 KiB or in bytes: a fold writes the whole snapshot again, so on a
   * board of 20 MB folding every 500 updates would write megabytes on the
   * thread that relays edits for a log that adds a tenth of a second to a
   * load of a second.
   */
  compactAfterShare: number;
}

const defaults: BoardPersistenceConfig = {
  compactAfterUpdates: 500,
  compactAfterBytes: 1 << 20,
  compactAfterShare: 0.125,
};

/** Work on a stored board that grows with it, done off the event loop (heavy-work jobs). */
export interface StoredBoardWork {
  /** The board's whole state as one update. */
  fold(board: StoredBoard): Promise<Uint8Array>;
  /** The board as updates of at most `structsPerPiece` structs each, to apply in order. */
  split(board: StoredBoard, structsPerPiece: number): Promise<Uint8Array[]>;
}

/** A board stored in more bytes than this is loaded in pieces, the event loop going round between them. */
const LOAD_IN_PIECES_BYTES = 256 * 1024;
const STRUCTS_PER_PIECE = 5_000;

const turnOfTheEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One piece of what the store holds, in memory too. `seq`: the sequence
 * number the store gave it (the pieces read at load all take the load's
 * last one); null while its append is under way (a server's own update is
 * appended after it is applied).
 */
interface HeldPiece {
  data: Uint8Array;
  seq: number | null;
}

/** Told of each update once the store holds it, with the sequence number it was given. */
export type StoredListener = (boardId: string, update: Uint8Array, seq: number) => void;

/** The close of a socket whose update the store did not take (1011: the server met a condition it cannot handle). */
const STORAGE_UNAVAILABLE = { code: 1011, reason: "storage-unavailable" } as const;

/** Whether an update is Yjs's empty one (no structs, no deletions): a sync step 2 that brings nothing. */
const isEmptyUpdate = (update: Uint8Array) => update.byteLength <= 2 && update.every((byte) => byte === 0);

/**
 * Loads a board from its snapshot and update log (a large one in pieces
 * cut by `work.split`), migrates it before any client syncs, and keeps
 * every later update in the log. "Acknowledged means durable": an update a
 * client sends is appended (and the append awaited) in `beforeSync`, which
 * Hocuspocus runs before it applies the update and acknowledges it (with
 * the other updates of the same turn of the event loop, in one
 * transaction: `GroupedAppends`), so an
 * acknowledged update is in the log on either engine; if the append fails,
 * the socket is closed unacknowledged and the client sends the update again
 * when it reconnects. The server's own updates (a migration,
 * a repair by BoardInvariants) are appended once applied, in order per
 * board, and waited for before the board is stored or the server stops.
 * A board that fails to load is refused and its stored data left untouched.
 * Workshop documents are not stored: Workshop rebuilds them from the rounds and the phase.
 *
 * A long log is folded into a new snapshot by `work.fold` while edits go
 * on, one fold per board at a time, from the pieces held in memory, which
 * are what is stored (reading 20 MB back from SQLite on the thread that
 * relays edits held every board's edits for 70 ms). That holds while this
 * process wrote every update since the pieces before: the sequence numbers
 * it was given run on without a gap. A gap is another process's append
 * (several instances on one PostgreSQL): the fold then reads the board as
 * stored, so the snapshot never replaces an update it does not hold.
 */
export class BoardPersistence implements Extension {
  private readonly config: BoardPersistenceConfig;
  private readonly folding = new Map<string, Promise<void>>();
  /** Per board, the end of the server's own appends under way. */
  private readonly appending = new Map<string, Promise<void>>();
  private stopped = false;
  /**
   * Per loaded board, what the store holds (its snapshot, then its log),
   * in memory as well: what a client that has nothing is sent, as it is.
   */
  private readonly held = new WeakMap<Y.Doc, HeldPiece[]>();
  private storedListener: StoredListener | undefined;
  private readonly appends: GroupedAppends;

  constructor(
    private readonly store: BoardStore,
    private readonly logger: Logger,
    private readonly work: StoredBoardWork,
    config: Partial<BoardPersistenceConfig> = {},
  ) {
    this.config = { ...defaults, ...config };
    this.appends = new GroupedAppends(store);
  }

  /** Tells `listener` of every update stored from here on (another instance relays them). */
  onStored(listener: StoredListener): void {
    this.storedListener = listener;
  }

  /**
   * An update another instance stored, relayed here: applied with
   * STORED_ELSEWHERE (so not appended again) and held, as what is stored,
   * unless the pieces this document was loaded or folded from hold it.
   */
  applyStoredElsewhere(document: Y.Doc, update: Uint8Array, seq: number): void {
    const held = this.held.get(document);
    if (!held) return;
    const base = held[0]?.seq;
    if ((base != null && seq <= base) || held.some((piece) => piece.seq === seq)) return;
    Y.applyUpdate(document, update, STORED_ELSEWHERE);
    held.push({ data: update, seq });
  }

  /**
   * Reads the board from the store again and applies what the document
   * lacks (appending nothing): this instance may have missed updates that
   * others stored (its Redis connection was down). Yjs skips what the
   * document has; its clients are sent the rest.
   */
  async catchUp(boardId: string, document: Y.Doc): Promise<void> {
    const stored = await this.store.loadBoard(boardId);
    if (!stored || !this.held.has(document)) return;
    const pieces = piecesOf(stored);
    document.transact(() => {
      for (const piece of pieces) Y.applyUpdate(document, piece);
    }, STORED_ELSEWHERE);
    const later = (this.held.get(document) ?? []).filter((piece) => piece.seq === null || piece.seq > stored.lastSeq);
    this.held.set(document, [...pieces.map((data) => ({ data, seq: stored.lastSeq })), ...later]);
  }

  /** Starts no fold from here on and waits for those under way and every append; the logs left are folded at the next load. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.folding.values(), ...this.appending.values()]);
  }

  /** The board as stored, as updates that build it in order; undefined for a document not stored here. */
  wholeState(document: Y.Doc): Uint8Array[] | undefined {
    return this.held.get(document)?.map((piece) => piece.data);
  }

  async onLoadDocument({ document, documentName, context }: onLoadDocumentPayload): Promise<void> {
    if (parseDocumentName(documentName).workshop) return;
    const stored = await this.store.loadBoard(documentName).catch((error: unknown) => {
      // Not the board's fault: its client tries again (see BoardAccess), and nothing stored was touched.
      (context as GateContext).gate?.storageUnavailable();
      throw error;
    });
    if (!stored) throw new ConnectionRefused(AUTH_FAILURES.unknownBoard);
    try {
      if (storedBytesOf(stored) <= LOAD_IN_PIECES_BYTES) applyUnheard(document, piecesOf(stored));
      else {
        // Yjs applies an update in one go: a large board, in one update, would hold every other board's edits.
        for (const piece of await this.work.split(stored, STRUCTS_PER_PIECE)) {
          applyUnheard(document, [piece]);
          await turnOfTheEventLoop();
        }
      }
      if (schemaVersionOf(document) === undefined) throw new Error("stored board has no schema version");
      boardSizeIs(document, storedBytesOf(stored));
    } catch (error) {
      this.logger.error({ err: error, board: documentName }, "board failed to load; stored data left as it was");
      throw new ConnectionRefused(AUTH_FAILURES.boardUnavailable);
    }
    this.held.set(
      document,
      piecesOf(stored).map((data) => ({ data, seq: stored.lastSeq })),
    );
    document.on("update", (update: Uint8Array, origin: unknown) => {
      // A client's update was stored before it was applied (beforeSync); another instance's, by that instance.
      if (isStoredAlready(origin)) return;
      this.appendOwn(documentName, document, update);
    });
    try {
      const applied = migrateBoard(document);
      if (applied.length) this.logger.info({ board: documentName, applied }, "board migrated");
    } catch (error) {
      this.logger.error({ err: error, board: documentName }, "board cannot be migrated");
      throw new ConnectionRefused(AUTH_FAILURES.boardUnavailable);
    }
    await this.appending.get(documentName);
    // A log this long means the server stopped before folding it (a crash): fold it now, so the next load is quick.
    if (stored.updates.length >= this.config.compactAfterUpdates) void this.compact(documentName, document);
  }

  /** A client's update, checked by its socket's gate: in the log before Hocuspocus applies and acknowledges it. */
  async beforeSync({ type, payload, documentName, document, connection }: beforeSyncPayload): Promise<void> {
    if (type !== messageYjsSyncStep2 && type !== messageYjsUpdate) return;
    if (connection.readOnly || parseDocumentName(documentName).workshop || isEmptyUpdate(payload)) return;
    const data = payload.slice();
    let seq: number;
    try {
      seq = await this.timedAppend(documentName, data);
    } catch (error) {
      // Not stored, so never acknowledged. Hocuspocus would close only this document's connection, leaving the
      // socket up and its provider waiting; closing the socket makes it reconnect and send the update again.
      this.logger.error({ err: error, board: documentName }, "update not stored; its connection closes unacknowledged");
      connection.webSocket.close(STORAGE_UNAVAILABLE.code, STORAGE_UNAVAILABLE.reason);
      throw error;
    }
    this.held.get(document)?.push({ data, seq });
    metrics.updatesApplied.inc();
    this.storedListener?.(documentName, data, seq);
  }

  private async timedAppend(boardId: string, update: Uint8Array): Promise<number> {
    const done = metrics.storeAppendSeconds.startTimer();
    try {
      return await this.appends.append(boardId, update);
    } finally {
      done();
    }
  }

  /** One of the server's own updates, appended after those before it; a failure is logged (no client waits on it). */
  private appendOwn(boardId: string, document: Y.Doc, update: Uint8Array) {
    const piece: HeldPiece = { data: update, seq: null };
    this.held.get(document)?.push(piece);
    const next = (this.appending.get(boardId) ?? Promise.resolve())
      .then(() => this.timedAppend(boardId, update))
      .then((seq) => {
        piece.seq = seq;
        this.storedListener?.(boardId, update, seq);
      })
      .catch((error: unknown) => this.logger.error({ err: error, board: boardId }, "server update not stored"));
    this.appending.set(boardId, next);
    void next.then(() => {
      if (this.appending.get(boardId) === next) this.appending.delete(boardId);
    });
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    if (parseDocumentName(documentName).workshop) return;
    await this.appending.get(documentName);
    // Every update is in the log already; this only decides whether to fold, which stopping does not.
    if (this.stopped) return;
    const [{ count, bytes }, storedBytes] = await Promise.all([
      this.store.logSize(documentName),
      this.store.storedBytes(documentName),
    ]);
    const { compactAfterUpdates, compactAfterBytes, compactAfterShare } = this.config;
    const share = (storedBytes - bytes) * compactAfterShare;
    if (count >= Math.max(compactAfterUpdates, share / 4096) || bytes >= Math.max(compactAfterBytes, share)) {
      void this.compact(documentName, document);
    }
  }

  /**
   * Folds the log now, if it holds anything, and resolves once the board's
   * size is known exactly: a board that seems full by the bytes it is
   * stored in may have room once its log is folded (after deletions, say).
   */
  async foldNow(boardId: string, document: Y.Doc): Promise<void> {
    if ((await this.store.logSize(boardId)).count === 0) return;
    return this.compact(boardId, document);
  }

  /** Folds the log into a snapshot; what is appended meanwhile stays in the log after it. */
  private compact(boardId: string, document: Y.Doc): Promise<void> {
    const running = this.folding.get(boardId);
    if (running) return running;
    const held = this.held.get(document);
    if (this.stopped || !held) return Promise.resolve();
    const fromMemory = heldThroughGaplessLog(held);
    const folded = (fromMemory ? Promise.resolve(fromMemory) : this.store.loadBoard(boardId))
      .then(async (board) => {
        if (!board) return;
        const state = await this.work.fold(board);
        await this.store.compact(boardId, state, board.lastSeq);
        boardSizeIs(document, await this.store.storedBytes(boardId));
        // What the fold holds gives way to its snapshot; what came since (or is still being appended) stays.
        const heldNow = this.held.get(document);
        const after = (piece: HeldPiece) => piece.seq === null || piece.seq > board.lastSeq;
        if (heldNow) this.held.set(document, [{ data: state, seq: board.lastSeq }, ...heldNow.filter(after)]);
      })
      .catch((error: unknown) =>
        this.logger.error({ err: error, board: boardId }, "update log not folded; it stays whole"),
      )
      .finally(() => this.folding.delete(boardId));
    this.folding.set(boardId, folded);
    return folded;
  }
}

/**
 * The board as the store holds it up to some sequence number, from the
 * pieces in memory: the first pieces (the snapshot and log read at load, or
 * the last fold's snapshot) cover everything up to their number, and the
 * appends since count on from it. The board goes as far as they run
 * without a gap; undefined when there is nothing to fold from memory (a
 * gap comes first: another process appended there).
 */
function heldThroughGaplessLog(held: readonly HeldPiece[]): StoredBoard | undefined {
  const base = held[0]?.seq;
  if (base == null) return undefined;
  const covered = held.filter((piece) => piece.seq !== null && piece.seq <= base);
  const later = held
    .filter((piece): piece is HeldPiece & { seq: number } => piece.seq !== null && piece.seq > base)
    .sort((a, b) => a.seq - b.seq);
  let upTo = base;
  const updates = covered.slice(1).map((piece) => piece.data);
  for (const piece of later) {
    if (piece.seq !== upTo + 1) break;
    updates.push(piece.data);
    upTo = piece.seq;
  }
  if (updates.length === 0) return undefined;
  return { snapshot: covered[0]!.data, updates, lastSeq: upTo };
}

/**
 * The origin to apply an update with that is in the store already (another
 * instance stored it, and relays it here): BoardPersistence does not append
 * it again.
 */
export const STORED_ELSEWHERE = { source: "stored-elsewhere" } as const;

/**
 * Whether a transaction's update is in the log already: a client's (Hocuspocus's origin for what a socket
 * sent, appended in beforeSync), or one applied with STORED_ELSEWHERE.
 */
const isStoredAlready = (origin: unknown): boolean => {
  const source = typeof origin === "object" && origin !== null ? (origin as { source?: unknown }).source : undefined;
  return source === "connection" || source === STORED_ELSEWHERE.source;
};

const storedBytesOf = (stored: StoredBoard) =>
  stored.updates.reduce((sum, update) => sum + update.byteLength, stored.snapshot?.byteLength ?? 0);
