import type { Role } from "@journeyboard/shared";

/**
 * Where boards live. The server talks to this interface only, so another
 * backend (PostgreSQL for several instances) can take SQLite's place.
 *
 * A board's document is a snapshot plus a log of the updates applied since;
 * `appendUpdate` runs before the server acknowledges an update, and
 * `compact` folds the head of the log into a new snapshot in one atomic
 * step (the fold is drawn off the event loop while updates go on being
 * appended, so the updates after it stay).
 */
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
}

export interface BoardStore {
  createBoard(board: NewBoard): void;
  boardExists(id: string): boolean;
  /** The title a board was created with, or null when there is no such board. */
  boardTitle(id: string): string | null;
  roleForTokenHash(boardId: string, tokenHash: string): Role | null;
  loadBoard(id: string): StoredBoard | null;
  /** Appends one update; returns its sequence number. */
  appendUpdate(boardId: string, update: Uint8Array): number;
  /** Replaces the snapshot and the log up to `uptoSeq` with `state`, which holds them all, atomically. */
  compact(boardId: string, state: Uint8Array, uptoSeq: number): void;
  /** Updates and bytes waiting in the log since the last snapshot. */
  logSize(boardId: string): { count: number; bytes: number };
  /** Bytes of the snapshot and the log together. */
  storedBytes(boardId: string): number;
  ping(): boolean;
  close(): void;
}
