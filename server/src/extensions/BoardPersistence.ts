import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from "@hocuspocus/server";
import type * as Y from "yjs";
import { AUTH_FAILURES, migrateBoard, parseDocumentName, schemaVersionOf } from "@journeyboard/shared";
import type { Logger } from "../logger";
import { boardSizeIs } from "../guard/boardBytes";
import type { BoardStore, StoredBoard } from "../storage/BoardStore";
import { applyUnheard, piecesOf } from "../storage/storedBoard";
import { ConnectionRefused } from "./context";

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
 * Loads a board from its snapshot and update log (a large one in pieces
 * cut by `work.split`), migrates it before any client syncs, and appends every later update to the log synchronously, as
 * the update is applied: Hocuspocus acknowledges an update only after
 * applying it, so an acknowledged update is already on disk.
 * A board that fails to load is refused and its stored data left untouched.
 * Workshop documents are not stored: Workshop rebuilds them from the rounds and the phase.
 *
 * A long log is folded into a new snapshot by `work.fold`, from the board
 * as stored, while edits go on; one fold per board at a time.
 */
export class BoardPersistence implements Extension {
  private readonly config: BoardPersistenceConfig;
  private readonly folding = new Map<string, Promise<void>>();
  private stopped = false;
  /**
   * Per loaded board, what the store holds (its snapshot, then its log),
   * in memory as well: what a client that has nothing is sent, as it is.
   */
  private readonly held = new WeakMap<Y.Doc, Uint8Array[]>();
  /** The sequence number of the last piece held, as the store numbered it. */
  private readonly heldUpTo = new WeakMap<Y.Doc, number>();

  constructor(
    private readonly store: BoardStore,
    private readonly logger: Logger,
    private readonly work: StoredBoardWork,
    config: Partial<BoardPersistenceConfig> = {},
  ) {
    this.config = { ...defaults, ...config };
  }

  /** Starts no fold from here on and waits for those under way; the logs left are folded at the next load. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.folding.values());
  }

  /** The board as stored, as updates that build it in order; undefined for a document not stored here. */
  wholeState(document: Y.Doc): Uint8Array[] | undefined {
    return this.held.get(document);
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    if (parseDocumentName(documentName).workshop) return;
    const stored = this.store.loadBoard(documentName);
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
    this.held.set(document, [...piecesOf(stored)]);
    this.heldUpTo.set(document, stored.lastSeq);
    document.on("update", (update: Uint8Array) => {
      this.heldUpTo.set(document, this.store.appendUpdate(documentName, update));
      this.held.get(document)!.push(update);
    });
    try {
      const applied = migrateBoard(document);
      if (applied.length) this.logger.info({ board: documentName, applied }, "board migrated");
    } catch (error) {
      this.logger.error({ err: error, board: documentName }, "board cannot be migrated");
      throw new ConnectionRefused(AUTH_FAILURES.boardUnavailable);
    }
    // A log this long means the server stopped before folding it (a crash): fold it now, so the next load is quick.
    if (stored.updates.length >= this.config.compactAfterUpdates) void this.compact(documentName, document);
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    if (parseDocumentName(documentName).workshop) return;
    const { count, bytes } = this.store.logSize(documentName);
    const { compactAfterUpdates, compactAfterBytes, compactAfterShare } = this.config;
    const share = (this.store.storedBytes(documentName) - bytes) * compactAfterShare;
    if (count >= Math.max(compactAfterUpdates, share / 4096) || bytes >= Math.max(compactAfterBytes, share)) {
      void this.compact(documentName, document);
    }
  }

  /**
   * Folds the log now, if it holds anything, and resolves once the board's
   * size is known exactly: a board that seems full by the bytes it is
   * stored in may have room once its log is folded (after deletions, say).
   */
  foldNow(boardId: string, document: Y.Doc): Promise<void> {
    if (this.store.logSize(boardId).count === 0) return Promise.resolve();
    return this.compact(boardId, document);
  }

  /**
   * Folds the log as stored now into a snapshot; what is appended meanwhile stays in the log after it.
   * The board is taken from the pieces held in memory, which are what is stored: reading 20 MB back from
   * SQLite on this thread held every board's edits for 70 ms.
   */
  private compact(boardId: string, document: Y.Doc): Promise<void> {
    const running = this.folding.get(boardId);
    if (running) return running;
    const held = this.held.get(document);
    const upTo = this.heldUpTo.get(document);
    if (this.stopped || !held || upTo === undefined) return Promise.resolve();
    // The first piece is the snapshot (or, on a board stored without one, its first update, which folds alike).
    const [snapshot = null, ...updates] = held;
    const board: StoredBoard = { snapshot, updates, lastSeq: upTo };
    const pieces = held.length;
    const folded = this.work
      .fold(board)
      .then((state) => {
        this.store.compact(boardId, state, board.lastSeq);
        boardSizeIs(document, this.store.storedBytes(boardId));
        const heldNow = this.held.get(document);
        if (heldNow) this.held.set(document, [state, ...heldNow.slice(pieces)]);
      })
      .catch((error: unknown) =>
        this.logger.error({ err: error, board: boardId }, "update log not folded; it stays whole"),
      )
      .finally(() => this.folding.delete(boardId));
    this.folding.set(boardId, folded);
    return folded;
  }
}

const storedBytesOf = (stored: StoredBoard) =>
  stored.updates.reduce((sum, update) => sum + update.byteLength, stored.snapshot?.byteLength ?? 0);
