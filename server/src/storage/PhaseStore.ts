import type Database from "better-sqlite3";
import { DEFAULT_PHASE, PHASES, type Phase } from "@journeyboard/shared";

const SCHEMA = `CREATE TABLE IF NOT EXISTS board_phases (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  phase TEXT NOT NULL,
  changed_at INTEGER NOT NULL
)`;

const SQL = {
  select: `SELECT phase FROM board_phases WHERE board_id = ?`,
  upsert: `INSERT INTO board_phases (board_id, phase, changed_at) VALUES (?, ?, ?)
           ON CONFLICT (board_id) DO UPDATE SET phase = excluded.phase, changed_at = excluded.changed_at`,
} as const;

/**
 * Each board's workshop phase, in the boards' SQLite file. Read on every
 * update, from the store every time (a primary-key read of a prepared
 * statement): a copy kept in this process would go stale once another
 * instance can change the phase.
 */
export class PhaseStore {
  private readonly statements: { [K in keyof typeof SQL]: Database.Statement };

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    this.statements = Object.fromEntries(
      Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
    ) as PhaseStore["statements"];
  }

  phaseOf(boardId: string): Phase {
    const stored = (this.statements.select.get(boardId) as { phase: string } | undefined)?.phase;
    return (PHASES as readonly string[]).includes(stored ?? "") ? (stored as Phase) : DEFAULT_PHASE;
  }

  setPhase(boardId: string, phase: Phase, at: number): void {
    this.statements.upsert.run(boardId, phase, at);
  }
}
