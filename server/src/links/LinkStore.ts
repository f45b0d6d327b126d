import type Database from "better-sqlite3";
import type { SharedRole } from "@journeyboard/shared";

const SCHEMA = `CREATE TABLE IF NOT EXISTS board_links (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  generation INTEGER NOT NULL,
  active INTEGER NOT NULL,
  PRIMARY KEY (board_id, role)
)`;

const SQL = {
  select: `SELECT generation, active FROM board_links WHERE board_id = ? AND role = ?`,
  upsert: `INSERT INTO board_links (board_id, role, generation, active) VALUES (?, ?, ?, ?)
           ON CONFLICT (board_id, role) DO UPDATE SET generation = excluded.generation, active = excluded.active`,
  // board_tokens is SqliteBoardStore's table: a role's row is the hash its token must match.
  setToken: `INSERT INTO board_tokens (board_id, role, token_hash) VALUES (?, ?, ?)
             ON CONFLICT (board_id, role) DO UPDATE SET token_hash = excluded.token_hash`,
  deleteToken: `DELETE FROM board_tokens WHERE board_id = ? AND role = ?`,
} as const;

/** Where a shared role's link is: its generation (the token is derived from it), and whether it is on. */
export interface LinkRecord {
  generation: number;
  active: boolean;
}

/**
 * The generation of each board's participant and viewer links, in the
 * boards' SQLite file. A board without a row for a role was created before
 * links were derived (its token was random, and only its hash is kept).
 * Rotating and revoking change the generation and the stored token hash in
 * one transaction, so no moment lets both the old and the new token in.
 */
export class LinkStore {
  private readonly statements: { [K in keyof typeof SQL]: Database.Statement };

  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
    this.statements = Object.fromEntries(
      Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
    ) as LinkStore["statements"];
  }

  /** Runs `create` (which stores the board and its token hashes) and records the first generation of its links, together. */
  created<T>(boardId: string, roles: readonly SharedRole[], create: () => T): T {
    return this.db.transaction(() => {
      const result = create();
      for (const role of roles) this.statements.upsert.run(boardId, role, 0, 1);
      return result;
    })();
  }

  linkOf(boardId: string, role: SharedRole): LinkRecord | null {
    const row = this.statements.select.get(boardId, role) as { generation: number; active: number } | undefined;
    return row ? { generation: row.generation, active: row.active === 1 } : null;
  }

  /** A new generation for the role's link, its token's hash (from `hashOf`) the only one that opens the role. */
  rotate(boardId: string, role: SharedRole, hashOf: (generation: number) => string): number {
    return this.db.transaction(() => {
      const generation = (this.linkOf(boardId, role)?.generation ?? 0) + 1;
      this.statements.setToken.run(boardId, role, hashOf(generation));
      this.statements.upsert.run(boardId, role, generation, 1);
      return generation;
    })();
  }

  /** No token opens the role any more, until the link is rotated. */
  revoke(boardId: string, role: SharedRole): void {
    this.db.transaction(() => {
      this.statements.deleteToken.run(boardId, role);
      this.statements.upsert.run(boardId, role, this.linkOf(boardId, role)?.generation ?? 0, 0);
    })();
  }
}
