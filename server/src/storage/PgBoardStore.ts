import type pg from "pg";
import { ROLES, type Role } from "@journeyboard/shared";
import type { BoardStore, LogEntry, NewBoard, StoredBoard } from "./BoardStore";
import { bytea, inTransaction } from "./pg";

const SQL = {
  insertBoard: `INSERT INTO boards (id, title, created_at) VALUES ($1, $2, $3)`,
  insertToken: `INSERT INTO board_tokens (board_id, role, token_hash) VALUES ($1, $2, $3)`,
  insertSnapshot: `INSERT INTO board_snapshots (board_id, state, last_seq) VALUES ($1, $2, 0)`,
  insertHead: `INSERT INTO board_log_heads (board_id, last_seq) VALUES ($1, 0)`,
  insertLink: `INSERT INTO board_links (board_id, role, generation, active) VALUES ($1, $2, 0, TRUE)`,
  insertPhase: `INSERT INTO board_phases (board_id, phase, changed_at) VALUES ($1, $2, $3)`,
  insertRound: `INSERT INTO vote_rounds (board_id, round_id, opened_at, record) VALUES ($1, $2, $3, $4)`,
  boardTitle: `SELECT title FROM boards WHERE id = $1`,
  roleForToken: `SELECT role FROM board_tokens WHERE board_id = $1 AND token_hash = $2
                 UNION ALL SELECT 'participant' FROM board_personal_links WHERE board_id = $1 AND token_hash = $2`,
  // One statement, so the snapshot and the log after it are read as of one moment, whatever folds meanwhile.
  loadBoard: `SELECT s.state, COALESCE(s.last_seq, 0) AS from_seq,
                ARRAY(SELECT u.data FROM board_updates u
                      WHERE u.board_id = b.id AND u.seq > COALESCE(s.last_seq, 0) ORDER BY u.seq) AS updates,
                (SELECT MAX(u.seq) FROM board_updates u
                 WHERE u.board_id = b.id AND u.seq > COALESCE(s.last_seq, 0)) AS last_seq
              FROM boards b LEFT JOIN board_snapshots s ON s.board_id = b.id
              WHERE b.id = $1`,
  // The board's head row is locked from this statement to its commit: the next append (from any instance)
  // waits for it, so numbers are unique and committed in order, and a fold never skips one still uncommitted.
  appendUpdate: `WITH head AS (
                   INSERT INTO board_log_heads (board_id, last_seq) VALUES ($1, 1)
                   ON CONFLICT (board_id) DO UPDATE SET last_seq = board_log_heads.last_seq + 1
                   RETURNING last_seq
                 )
                 INSERT INTO board_updates (board_id, seq, data) SELECT $1, last_seq, $2 FROM head RETURNING seq`,
  upsertSnapshot: `INSERT INTO board_snapshots (board_id, state, last_seq) VALUES ($1, $2, $3)
                   ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, last_seq = excluded.last_seq
                   WHERE excluded.last_seq > board_snapshots.last_seq`,
  deleteUpdatesUpTo: `DELETE FROM board_updates WHERE board_id = $1 AND seq <= $2`,
  logSize: `SELECT COUNT(*) AS count, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM board_updates WHERE board_id = $1`,
  storedBytes: `SELECT COALESCE((SELECT LENGTH(state) FROM board_snapshots WHERE board_id = $1), 0)
                 + COALESCE((SELECT SUM(LENGTH(data)) FROM board_updates WHERE board_id = $1), 0) AS bytes`,
} as const;

/** Orders board ids by their code units, the same in every instance whatever its locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Boards in PostgreSQL (`PostgresStorage`): an appended update is committed
 * (and so, with PostgreSQL's default synchronous commit, in its write-ahead
 * log on disk) when `appendUpdate` resolves. Several instances append to
 * one board safely: the sequence number is the database's.
 */
export class PgBoardStore implements BoardStore {
  constructor(private readonly pool: pg.Pool) {}

  async createBoard(board: NewBoard): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(SQL.insertBoard, [board.id, board.title, board.createdAt]);
      for (const role of ROLES) await client.query(SQL.insertToken, [board.id, role, board.tokenHashes[role]]);
      await client.query(SQL.insertSnapshot, [board.id, bytea(board.state)]);
      await client.query(SQL.insertHead, [board.id]);
      for (const role of board.links) await client.query(SQL.insertLink, [board.id, role]);
      if (board.workshop) {
        await client.query(SQL.insertPhase, [board.id, board.workshop.phase, board.createdAt]);
        for (const round of board.workshop.rounds) {
          await client.query(SQL.insertRound, [board.id, round.id, round.openedAt, JSON.stringify(round)]);
        }
      }
    });
  }

  async boardExists(id: string): Promise<boolean> {
    return (await this.boardTitle(id)) !== null;
  }

  async boardTitle(id: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ title: string }>(SQL.boardTitle, [id]);
    return rows[0]?.title ?? null;
  }

  async roleForTokenHash(boardId: string, tokenHash: string): Promise<Role | null> {
    const { rows } = await this.pool.query<{ role: Role }>(SQL.roleForToken, [boardId, tokenHash]);
    return rows[0]?.role ?? null;
  }

  async loadBoard(id: string): Promise<StoredBoard | null> {
    const { rows } = await this.pool.query<{
      state: Buffer | null;
      from_seq: number;
      updates: Buffer[];
      last_seq: number | null;
    }>(SQL.loadBoard, [id]);
    const row = rows[0];
    if (!row) return null;
    return {
      snapshot: row.state ? new Uint8Array(row.state) : null,
      updates: row.updates.map((data) => new Uint8Array(data)),
      lastSeq: row.last_seq ?? row.from_seq,
    };
  }

  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    const { rows } = await this.pool.query<{ seq: number }>(SQL.appendUpdate, [boardId, bytea(update)]);
    return rows[0]!.seq;
  }

  async appendUpdates(entries: readonly LogEntry[]): Promise<number[]> {
    if (entries.length === 1) return [await this.appendUpdate(entries[0]!.boardId, entries[0]!.update)];
    // Each board's head row stays locked to the commit: taken in the order of the board ids (each board's updates
    // in the order given), two instances' transactions never wait for each other's rows crosswise.
    const order = entries.map((_, index) => index).sort((a, b) => compare(entries[a]!.boardId, entries[b]!.boardId));
    const seqs: number[] = [];
    await inTransaction(this.pool, async (client) => {
      for (const index of order) {
        const { boardId, update } = entries[index]!;
        const { rows } = await client.query<{ seq: number }>(SQL.appendUpdate, [boardId, bytea(update)]);
        seqs[index] = rows[0]!.seq;
      }
    });
    return seqs;
  }

  async compact(boardId: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(SQL.upsertSnapshot, [boardId, bytea(state), uptoSeq]);
      await client.query(SQL.deleteUpdatesUpTo, [boardId, uptoSeq]);
    });
  }

  async logSize(boardId: string): Promise<{ count: number; bytes: number }> {
    const { rows } = await this.pool.query<{ count: number; bytes: number }>(SQL.logSize, [boardId]);
    return rows[0]!;
  }

  async storedBytes(boardId: string): Promise<number> {
    const { rows } = await this.pool.query<{ bytes: number }>(SQL.storedBytes, [boardId]);
    return rows[0]!.bytes;
  }
}
