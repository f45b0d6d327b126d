import type { SnapshotInfo } from "@journeyboard/shared";

/** A board's history: named snapshots and the automatic ones, each the board as `board.json` held then. */
export interface SnapshotStore {
  save(boardId: string, info: SnapshotInfo, boardFile: string): Promise<void>;
  /** Newest first. */
  list(boardId: string): Promise<SnapshotInfo[]>;
  /** The snapshot's `board.json`, or null. */
  file(boardId: string, id: string): Promise<string | null>;
}
