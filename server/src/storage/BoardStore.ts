import type { BoardWorkshop, Role, SharedRole } from "@journeyboard/shared";

/** A board as stored: its snapshot and the log of updates since. */
export interface StoredBoard {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last update in `updates` (or of the snapshot). */
  lastSeq: number;
}

export interface NewBoard {
  id: string;
  title: string;
  createdAt: number;
  state: Uint8Array;
  tokenHashes: Record<Role, string>;
  /** The shared roles whose links are derived (generation 0, on) from the start. */
  links: readonly SharedRole[];
  /** An imported file's workshop (phase and rounds), stored with the board. */
  workshop?: BoardWorkshop;
}

/** One update for a board's log. */
export interface LogEntry {
  boardId: string;
  update: Uint8Array;
}

/**
 * Where boards live. The server talks to this interface only: SQLite
 * (`SqliteBoardStore`, the default) and PostgreSQL (`PgBoardStore`, with
 * DATABASE_URL) implement it, every method asynchronous.
 *
 * A board's document is a snapshot plus a log of the updates applied since;
 * `appendUpdate` resolves once the update is durable, and the server
 * acknowledges an update only after that (BoardPersistence). `compact`
 * folds the head of the log into a new snapshot in one atomic step (the
 * fold is drawn off the event loop while updates go on being appended, so
 * the updates after it stay). Sequence numbers come from the database, so
 * several processes appending to one board never share one.
 */
export interface BoardStore {
  /** Stores the board, its token hashes, its links' first generation and its workshop: all or nothing. */
  createBoard(board: NewBoard): Promise<void>;
  boardExists(id: string): Promise<boolean>;
  /** The title a board was created with, or null when there is no such board. */
  boardTitle(id: string): Promise<string | null>;
  /** The role a token opens the board as: its link's, or participant for an invited person's link while it is on. */
  roleForTokenHash(boardId: string, tokenHash: string): Promise<Role | null>;
  /** The snapshot and the log after it, read together (no fold in between). */
  loadBoard(id: string): Promise<StoredBoard | null>;
  /** Appends one update, durably; returns its sequence number. */
  appendUpdate(boardId: string, update: Uint8Array): Promise<number>;
  /** Appends updates of any boards in one transaction, all or none, in the order given; their sequence numbers. */
  appendUpdates(entries: readonly LogEntry[]): Promise<number[]>;
  /**
   * Replaces the snapshot and the log up to `uptoSeq` with `state`, which
   * holds them all, atomically. A snapshot already further along (another
   * process folded meanwhile) is kept.
   */
  compact(boardId: string, state: Uint8Array, uptoSeq: number): Promise<void>;
  /** Updates and bytes waiting in the log since the last snapshot. */
  logSize(boardId: string): Promise<{ count: number; bytes: number }>;
  /** Bytes of the snapshot and the log together. */
  storedBytes(boardId: string): Promise<number>;
}
