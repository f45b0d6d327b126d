import type pg from "pg";
import type { Invite, InviteRecord, PersonalLinkStore } from "../links/PersonalLinkStore";
import { inTransaction } from "./pg";

const SQL = {
  list: `SELECT invite_id AS id, name, department, generation, token_hash IS NOT NULL AS active
         FROM board_personal_links WHERE board_id = $1 ORDER BY position`,
  byToken: `SELECT invite_id AS id, name, department FROM board_personal_links WHERE board_id = $1 AND token_hash = $2`,
  // Instances adding people to one board at once take turns, so neither passes the cap on a count the other changes.
  lockBoard: `SELECT pg_advisory_xact_lock(hashtext('personal-links:' || $1))`,
  count: `SELECT COUNT(*)::int AS count, COALESCE(MAX(position), 0)::int AS last
          FROM board_personal_links WHERE board_id = $1`,
  insert: `INSERT INTO board_personal_links
           (board_id, invite_id, position, name, department, generation, token_hash, invited_at)
           SELECT $1, invite_id, position, name, department, 1, token_hash, $2
           FROM UNNEST($3::text[], $4::int[], $5::text[], $6::text[], $7::text[])
             AS invited (invite_id, position, name, department, token_hash)`,
  revoke: `UPDATE board_personal_links SET token_hash = NULL WHERE board_id = $1 AND invite_id = $2`,
  nextGeneration: `UPDATE board_personal_links SET generation = generation + 1
                   WHERE board_id = $1 AND invite_id = $2 RETURNING generation`,
  setHash: `UPDATE board_personal_links SET token_hash = $3 WHERE board_id = $1 AND invite_id = $2`,
};

/** Each board's invited people and their links' token hashes, in `board_personal_links`. */
export class PgPersonalLinkStore implements PersonalLinkStore {
  constructor(private readonly pool: pg.Pool) {}

  async invitesOf(boardId: string): Promise<InviteRecord[]> {
    return (await this.pool.query<InviteRecord>(SQL.list, [boardId])).rows;
  }

  async inviteFor(boardId: string, tokenHash: string): Promise<Invite | null> {
    return (await this.pool.query<Invite>(SQL.byToken, [boardId, tokenHash])).rows[0] ?? null;
  }

  async add(
    boardId: string,
    invites: readonly Invite[],
    hashOf: (inviteId: string) => string,
    max: number,
    at: number,
  ): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await client.query(SQL.lockBoard, [boardId]);
      const { count, last } = (await client.query<{ count: number; last: number }>(SQL.count, [boardId])).rows[0]!;
      if (count + invites.length > max) return false;
      await client.query(SQL.insert, [
        boardId,
        at,
        invites.map((invite) => invite.id),
        invites.map((_, index) => last + 1 + index),
        invites.map((invite) => invite.name),
        invites.map((invite) => invite.department),
        invites.map((invite) => hashOf(invite.id)),
      ]);
      return true;
    });
  }

  async revoke(boardId: string, inviteId: string): Promise<boolean> {
    return ((await this.pool.query(SQL.revoke, [boardId, inviteId])).rowCount ?? 0) > 0;
  }

  async reissue(boardId: string, inviteId: string, hashOf: (generation: number) => string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const row = (await client.query<{ generation: number }>(SQL.nextGeneration, [boardId, inviteId])).rows[0];
      if (!row) return false;
      await client.query(SQL.setHash, [boardId, inviteId, hashOf(row.generation)]);
      return true;
    });
  }
}
