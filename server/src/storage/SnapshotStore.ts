import type Database from "better-sqlite3";
import type { SnapshotInfo } from "@journeyboard/shared";

const SCHEMA = `CREATE TABLE IF NOT EXISTS history_snapshots (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  board_file TEXT NOT NULL,
  PRIMARY KEY (board_id, id)
)`;

const SQL = {
  insert: `INSERT INTO history_snapshots (board_id, id, name, kind, created_at, board_file) VALUES (?, ?, ?, ?, ?, ?)`,
  list: `SELECT id, name, kind, created_at AS createdAt FROM history_snapshots WHERE board_id = ? ORDER BY created_at DESC, id`,
  file: `SELECT board_file AS file FROM history_snapshots WHERE board_id = ? AND id = ?`,
} as const;

/** A board's history: named snapshots and the automatic ones, each the board as `board.json` held then. */
export class SnapshotStore {
  private readonly statements: { [K in keyof typeof SQL]: Database.Statement };

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    this.statements = Object.fromEntries(
      Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
    ) as SnapshotStore["statements"];
  }

  save(boardId: string, info: SnapshotInfo, boardFile: string): void {
    this.statements.insert.run(boardId, info.id, info.name, info.kind, info.createdAt, boardFile);
  }

  list(boardId: string): SnapshotInfo[] {
    return this.statements.list.all(boardId) as SnapshotInfo[];
  }

  /** The snapshot's `board.json`, or null. */
  file(boardId: string, id: string): string | null {
    return (this.statements.file.get(boardId, id) as { file: string } | undefined)?.file ?? null;
  }
}
