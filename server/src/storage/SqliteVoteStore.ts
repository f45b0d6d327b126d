import type Database from "better-sqlite3";
import type { RoundRecord } from "@journeyboard/shared";
import type { DotChange, DotResult, DotRow, VoteStore } from "./VoteStore";

const SQL = {
  rounds: `SELECT record FROM vote_rounds WHERE board_id = ? ORDER BY opened_at, round_id`,
  round: `SELECT record FROM vote_rounds WHERE board_id = ? AND round_id = ?`,
  saveRound: `INSERT INTO vote_rounds (board_id, round_id, opened_at, record) VALUES (?, ?, ?, ?)
              ON CONFLICT (board_id, round_id) DO UPDATE SET record = excluded.record`,
  seenRequest: `SELECT 1 FROM vote_requests WHERE board_id = ? AND round_id = ? AND participant_id = ? AND request_id = ?`,
  recordRequest: `INSERT INTO vote_requests (board_id, round_id, participant_id, request_id) VALUES (?, ?, ?, ?)`,
  usedInCategory: `SELECT COALESCE(SUM(dots), 0) AS used FROM vote_dots
                   WHERE board_id = ? AND round_id = ? AND participant_id = ? AND category = ?`,
  onCard: `SELECT dots FROM vote_dots WHERE board_id = ? AND round_id = ? AND participant_id = ? AND card_id = ?`,
  addDot: `INSERT INTO vote_dots (board_id, round_id, participant_id, card_id, category, department, dots)
           VALUES (?, ?, ?, ?, ?, ?, 1)
           ON CONFLICT (board_id, round_id, participant_id, card_id) DO UPDATE SET dots = dots + 1`,
  takeDot: `UPDATE vote_dots SET dots = dots - 1
            WHERE board_id = ? AND round_id = ? AND participant_id = ? AND card_id = ? AND dots > 1`,
  dropDot: `DELETE FROM vote_dots WHERE board_id = ? AND round_id = ? AND participant_id = ? AND card_id = ? AND dots = 1`,
  dots: `SELECT participant_id AS participantId, department, card_id AS cardId, category, dots
         FROM vote_dots WHERE board_id = ? AND round_id = ? ORDER BY participant_id, card_id`,
  dotsOf: `SELECT participant_id AS participantId, department, card_id AS cardId, category, dots
           FROM vote_dots WHERE board_id = ? AND round_id = ? AND participant_id = ? ORDER BY card_id`,
} as const;

/** Rounds and ballots in the boards' SQLite file (`SqliteStorage`); each change one immediate transaction. */
export class SqliteVoteStore implements VoteStore {
  private readonly statements: { [K in keyof typeof SQL]: Database.Statement };

  constructor(private readonly db: Database.Database) {
    this.statements = Object.fromEntries(
      Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
    ) as SqliteVoteStore["statements"];
  }

  async rounds(boardId: string): Promise<RoundRecord[]> {
    const rows = this.statements.rounds.all(boardId) as { record: string }[];
    return rows.map((row) => JSON.parse(row.record) as RoundRecord);
  }

  async round(boardId: string, roundId: string): Promise<RoundRecord | null> {
    const row = this.statements.round.get(boardId, roundId) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as RoundRecord) : null;
  }

  async saveRound(boardId: string, round: RoundRecord): Promise<void> {
    this.statements.saveRound.run(boardId, round.id, round.openedAt, JSON.stringify(round));
  }

  async addDot(change: DotChange, limits: { budget: number; cap: number }): Promise<DotResult> {
    return this.db
      .transaction((): DotResult => {
        const key = [change.boardId, change.roundId, change.participantId] as const;
        if (this.statements.seenRequest.get(...key, change.requestId)) return "repeated";
        const { used } = this.statements.usedInCategory.get(...key, change.category) as { used: number };
        if (used + 1 > limits.budget) return "budget";
        const onCard = (this.statements.onCard.get(...key, change.cardId) as { dots: number } | undefined)?.dots ?? 0;
        if (onCard + 1 > limits.cap) return "cap";
        this.statements.addDot.run(...key, change.cardId, change.category, change.department);
        this.statements.recordRequest.run(...key, change.requestId);
        return "added";
      })
      .immediate();
  }

  async removeDot(change: DotChange): Promise<DotResult> {
    return this.db
      .transaction((): DotResult => {
        const key = [change.boardId, change.roundId, change.participantId] as const;
        if (this.statements.seenRequest.get(...key, change.requestId)) return "repeated";
        const onCard = (this.statements.onCard.get(...key, change.cardId) as { dots: number } | undefined)?.dots ?? 0;
        if (onCard === 0) return "no-dot";
        (onCard > 1 ? this.statements.takeDot : this.statements.dropDot).run(...key, change.cardId);
        this.statements.recordRequest.run(...key, change.requestId);
        return "removed";
      })
      .immediate();
  }

  async dots(boardId: string, roundId: string): Promise<DotRow[]> {
    return this.statements.dots.all(boardId, roundId) as DotRow[];
  }

  async dotsOf(boardId: string, roundId: string, participantId: string): Promise<DotRow[]> {
    return this.statements.dotsOf.all(boardId, roundId, participantId) as DotRow[];
  }
}
