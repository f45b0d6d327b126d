import type pg from "pg";
import type { RoundRecord } from "@journeyboard/shared";
import { inTransaction } from "./pg";
import type { DotChange, DotResult, DotRow, VoteStore } from "./VoteStore";

const SQL = {
  rounds: `SELECT record FROM vote_rounds WHERE board_id = $1 ORDER BY opened_at, round_id`,
  round: `SELECT record FROM vote_rounds WHERE board_id = $1 AND round_id = $2`,
  saveRound: `INSERT INTO vote_rounds (board_id, round_id, opened_at, record) VALUES ($1, $2, $3, $4)
              ON CONFLICT (board_id, round_id) DO UPDATE SET record = excluded.record`,
  // One voter's changes in one round wait for each other, from any instance; others go on.
  lockVoter: `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`,
  seenRequest: `SELECT 1 FROM vote_requests
                WHERE board_id = $1 AND round_id = $2 AND participant_id = $3 AND request_id = $4`,
  recordRequest: `INSERT INTO vote_requests (board_id, round_id, participant_id, request_id) VALUES ($1, $2, $3, $4)`,
  usedInCategory: `SELECT COALESCE(SUM(dots), 0) AS used FROM vote_dots
                   WHERE board_id = $1 AND round_id = $2 AND participant_id = $3 AND category = $4`,
  onCard: `SELECT dots FROM vote_dots WHERE board_id = $1 AND round_id = $2 AND participant_id = $3 AND card_id = $4`,
  addDot: `INSERT INTO vote_dots (board_id, round_id, participant_id, card_id, category, department, dots)
           VALUES ($1, $2, $3, $4, $5, $6, 1)
           ON CONFLICT (board_id, round_id, participant_id, card_id) DO UPDATE SET dots = vote_dots.dots + 1`,
  takeDot: `UPDATE vote_dots SET dots = dots - 1
            WHERE board_id = $1 AND round_id = $2 AND participant_id = $3 AND card_id = $4 AND dots > 1`,
  dropDot: `DELETE FROM vote_dots
            WHERE board_id = $1 AND round_id = $2 AND participant_id = $3 AND card_id = $4 AND dots = 1`,
  dots: `SELECT participant_id AS "participantId", department, card_id AS "cardId", category, dots
         FROM vote_dots WHERE board_id = $1 AND round_id = $2 ORDER BY participant_id, card_id`,
  dotsOf: `SELECT participant_id AS "participantId", department, card_id AS "cardId", category, dots
           FROM vote_dots WHERE board_id = $1 AND round_id = $2 AND participant_id = $3 ORDER BY card_id`,
} as const;

/**
 * Rounds and ballots in PostgreSQL. Each dot is one transaction that first
 * takes a lock on its voter in its round (an advisory lock, held to the
 * commit), then checks the budget and the cap against what is stored: two
 * instances adding one voter's dots at once take turns, so neither limit is
 * ever passed.
 */
export class PgVoteStore implements VoteStore {
  constructor(private readonly pool: pg.Pool) {}

  async rounds(boardId: string): Promise<RoundRecord[]> {
    const { rows } = await this.pool.query<{ record: string }>(SQL.rounds, [boardId]);
    return rows.map((row) => JSON.parse(row.record) as RoundRecord);
  }

  async round(boardId: string, roundId: string): Promise<RoundRecord | null> {
    const { rows } = await this.pool.query<{ record: string }>(SQL.round, [boardId, roundId]);
    return rows[0] ? (JSON.parse(rows[0].record) as RoundRecord) : null;
  }

  async saveRound(boardId: string, round: RoundRecord): Promise<void> {
    await this.pool.query(SQL.saveRound, [boardId, round.id, round.openedAt, JSON.stringify(round)]);
  }

  async addDot(change: DotChange, limits: { budget: number; cap: number }): Promise<DotResult> {
    return inTransaction(this.pool, async (client) => {
      const key = await this.lockVoter(client, change);
      if ((await client.query(SQL.seenRequest, [...key, change.requestId])).rowCount) return "repeated";
      const { rows: used } = await client.query<{ used: number }>(SQL.usedInCategory, [...key, change.category]);
      if (used[0]!.used + 1 > limits.budget) return "budget";
      const { rows: onCard } = await client.query<{ dots: number }>(SQL.onCard, [...key, change.cardId]);
      if ((onCard[0]?.dots ?? 0) + 1 > limits.cap) return "cap";
      await client.query(SQL.addDot, [...key, change.cardId, change.category, change.department]);
      await client.query(SQL.recordRequest, [...key, change.requestId]);
      return "added";
    });
  }

  async removeDot(change: DotChange): Promise<DotResult> {
    return inTransaction(this.pool, async (client) => {
      const key = await this.lockVoter(client, change);
      if ((await client.query(SQL.seenRequest, [...key, change.requestId])).rowCount) return "repeated";
      const { rows } = await client.query<{ dots: number }>(SQL.onCard, [...key, change.cardId]);
      const onCard = rows[0]?.dots ?? 0;
      if (onCard === 0) return "no-dot";
      await client.query(onCard > 1 ? SQL.takeDot : SQL.dropDot, [...key, change.cardId]);
      await client.query(SQL.recordRequest, [...key, change.requestId]);
      return "removed";
    });
  }

  async dots(boardId: string, roundId: string): Promise<DotRow[]> {
    return (await this.pool.query<DotRow>(SQL.dots, [boardId, roundId])).rows;
  }

  async dotsOf(boardId: string, roundId: string, participantId: string): Promise<DotRow[]> {
    return (await this.pool.query<DotRow>(SQL.dotsOf, [boardId, roundId, participantId])).rows;
  }

  private async lockVoter(client: pg.PoolClient, change: DotChange) {
    const key = [change.boardId, change.roundId, change.participantId] as const;
    await client.query(SQL.lockVoter, [key.join("/")]);
    return key;
  }
}
