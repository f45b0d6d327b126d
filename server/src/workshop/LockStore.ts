import type Database from "better-sqlite3";

const SCHEMA = `CREATE TABLE IF NOT EXISTS board_locks (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  target TEXT NOT NULL,
  locked_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, target)
)`;

const SQL = {
  select: `SELECT target FROM board_locks WHERE board_id = ? ORDER BY target`,
  insert: `INSERT OR IGNORE INTO board_locks (board_id, target, locked_at) VALUES (?, ?, ?)`,
  delete: `DELETE FROM board_locks WHERE board_id = ? AND target = ?`,
} as const;

/**
 * Each board's locks (`lockKey` of each locked target), in the boards'
 * SQLite file: read from the store every time, never cached, so every
 * instance enforces the same locks.
 */
export class LockStore {
  private readonly statements: { [K in keyof typeof SQL]: Database.Statement };

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    this.statements = Object.fromEntries(
      Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
    ) as LockStore["statements"];
  }

  locksOf(boardId: string): string[] {
    return (this.statements.select.all(boardId) as { target: string }[]).map((row) => row.target);
  }

  /** Locks or unlocks one target; answers whether that changed anything. */
  set(boardId: string, target: string, locked: boolean, at: number): boolean {
    const result = locked
      ? this.statements.insert.run(boardId, target, at)
      : this.statements.delete.run(boardId, target);
    return result.changes > 0;
  }
}
