import type Database from "better-sqlite3";
import type { Invite, InviteRecord, PersonalLinkStore } from "../links/PersonalLinkStore";

const SQL = {
  list: `SELECT invite_id AS id, name, department, generation, token_hash IS NOT NULL AS active
         FROM board_personal_links WHERE board_id = ? ORDER BY position`,
  byToken: `SELECT invite_id AS id, name, department FROM board_personal_links WHERE board_id = ? AND token_hash = ?`,
  count: `SELECT COUNT(*) AS count, COALESCE(MAX(position), 0) AS last FROM board_personal_links WHERE board_id = ?`,
  insert: `INSERT INTO board_personal_links
           (board_id, invite_id, position, name, department, generation, token_hash, invited_at)
           VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  revoke: `UPDATE board_personal_links SET token_hash = NULL WHERE board_id = ? AND invite_id = ?`,
  nextGeneration: `UPDATE board_personal_links SET generation = generation + 1
                   WHERE board_id = ? AND invite_id = ? RETURNING generation`,
  setHash: `UPDATE board_personal_links SET token_hash = ? WHERE board_id = ? AND invite_id = ?`,
};

/** Each board's invited people and their links' token hashes, in `board_personal_links`. */
export class SqlitePersonalLinkStore implements PersonalLinkStore {
  private readonly statements: { [K in keyof typeof SQL]: Database.Statement };

  constructor(private readonly db: Database.Database) {
    this.statements = Object.fromEntries(
      Object.entries(SQL).map(([name, text]) => [name, db.prepare(text)]),
    ) as typeof this.statements;
  }

  async invitesOf(boardId: string): Promise<InviteRecord[]> {
    const rows = this.statements.list.all(boardId) as (Omit<InviteRecord, "active"> & { active: number })[];
    return rows.map((row) => ({ ...row, active: row.active === 1 }));
  }

  async inviteFor(boardId: string, tokenHash: string): Promise<Invite | null> {
    return (this.statements.byToken.get(boardId, tokenHash) as Invite | undefined) ?? null;
  }

  async add(
    boardId: string,
    invites: readonly Invite[],
    hashOf: (inviteId: string) => string,
    max: number,
    at: number,
  ): Promise<boolean> {
    return this.db.transaction(() => {
      const { count, last } = this.statements.count.get(boardId) as { count: number; last: number };
      if (count + invites.length > max) return false;
      invites.forEach(({ id, name, department }, index) =>
        this.statements.insert.run(boardId, id, last + 1 + index, name, department, hashOf(id), at),
      );
      return true;
    })();
  }

  async revoke(boardId: string, inviteId: string): Promise<boolean> {
    return this.statements.revoke.run(boardId, inviteId).changes > 0;
  }

  async reissue(boardId: string, inviteId: string, hashOf: (generation: number) => string): Promise<boolean> {
    return this.db.transaction(() => {
      const row = this.statements.nextGeneration.get(boardId, inviteId) as { generation: number } | undefined;
      if (!row) return false;
      this.statements.setHash.run(hashOf(row.generation), boardId, inviteId);
      return true;
    })();
  }
}
