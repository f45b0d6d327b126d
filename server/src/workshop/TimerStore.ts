import type Database from "better-sqlite3";
import { TimerState } from "@journeyboard/shared";

const SCHEMA = `CREATE TABLE IF NOT EXISTS board_timers (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  changed_at INTEGER NOT NULL
)`;

const SQL = {
  select: `SELECT state FROM board_timers WHERE board_id = ?`,
  upsert: `INSERT INTO board_timers (board_id, state, changed_at) VALUES (?, ?, ?)
           ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at`,
  delete: `DELETE FROM board_timers WHERE board_id = ?`,
} as const;

/**
 * Each board's workshop timer, in the boards' SQLite file: a deadline or
 * what is left, so it survives a restart and reads the same from any
 * process. Read from the store every time, never cached: another instance
 * may have changed it.
 */
export class TimerStore {
  private readonly statements: { [K in keyof typeof SQL]: Database.Statement };

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    this.statements = Object.fromEntries(
      Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
    ) as TimerStore["statements"];
  }

  timerOf(boardId: string): TimerState | null {
    const row = this.statements.select.get(boardId) as { state: string } | undefined;
    if (!row) return null;
    const parsed = TimerState.safeParse(JSON.parse(row.state));
    return parsed.success ? parsed.data : null;
  }

  save(boardId: string, timer: TimerState | null, at: number): void {
    if (timer === null) this.statements.delete.run(boardId);
    else this.statements.upsert.run(boardId, JSON.stringify(timer), at);
  }
}
