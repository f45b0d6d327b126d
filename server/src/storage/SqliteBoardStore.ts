import type Database from "better-sqlite3";
import { ROLES, type Role } from "@journeyboard/shared";
import type { BoardStore, LogEntry, NewBoard, StoredBoard } from "./BoardStore";

const SQL = {
  insertBoard: `INSERT INTO boards (id, title, created_at) VALUES (?, ?, ?)`,
  insertToken: `INSERT INTO board_tokens (board_id, role, token_hash) VALUES (?, ?, ?)`,
  insertSnapshot: `INSERT INTO board_snapshots (board_id, state, last_seq) VALUES (?, ?, 0)`,
  insertLink: `INSERT INTO board_links (board_id, role, generation, active) VALUES (?, ?, 0, 1)`,
  insertPhase: `INSERT INTO board_phases (board_id, phase, changed_at) VALUES (?, ?, ?)`,
  insertRound: `INSERT INTO vote_rounds (board_id, round_id, opened_at, record) VALUES (?, ?, ?, ?)`,
  boardExists: `SELECT 1 FROM boards WHERE id = ?`,
  boardTitle: `SELECT title FROM boards WHERE id = ?`,
  roleForToken: `SELECT role FROM board_tokens WHERE board_id = ? AND token_hash = ?
                 UNION ALL SELECT 'participant' FROM board_personal_links WHERE board_id = ? AND token_hash = ?`,
  selectSnapshot: `SELECT state, last_seq AS lastSeq FROM board_snapshots WHERE board_id = ?`,
  selectUpdates: `SELECT seq, data FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq`,
  // The next number is read from the log itself, in the statement that writes it: SQLite runs one writer at a
  // time, so no two appends (from one process or several) ever take the same number, and none is kept here.
  appendUpdate: `INSERT INTO board_updates (board_id, seq, data)
                 SELECT @board, COALESCE(
                   (SELECT MAX(seq) FROM board_updates WHERE board_id = @board),
                   (SELECT last_seq FROM board_snapshots WHERE board_id = @board),
                   0) + 1, @data
                 RETURNING seq`,
  upsertSnapshot: `INSERT INTO board_snapshots (board_id, state, last_seq) VALUES (?, ?, ?)
                   ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, last_seq = excluded.last_seq
                   WHERE excluded.last_seq > board_snapshots.last_seq`,
  deleteUpdatesUpTo: `DELETE FROM board_updates WHERE board_id = ? AND seq <= ?`,
  logSize: `SELECT COUNT(*) AS count, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM board_updates WHERE board_id = ?`,
  storedBytes: `SELECT COALESCE((SELECT LENGTH(state) FROM board_snapshots WHERE board_id = ?), 0)
                 + COALESCE((SELECT SUM(LENGTH(data)) FROM board_updates WHERE board_id = ?), 0) AS bytes`,
} as const;

/**
 * Boards in the SQLite file of `SqliteStorage`, in WAL mode: an appended
 * update is on disk when `appendUpdate` resolves, and survives the process
 * being killed (synchronous=NORMAL loses nothing on a process crash, only
 * on a power cut). Each method runs its statements synchronously, so one
 * call is atomic; the promise is the interface's.
 */
export class SqliteBoardStore implements BoardStore {
  private readonly statements: { [K in keyof typeof SQL]: Database.Statement };

  constructor(private readonly db: Database.Database) {
    this.statements = Object.fromEntries(
      Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)]),
    ) as SqliteBoardStore["statements"];
  }

  async createBoard(board: NewBoard): Promise<void> {
    const s = this.statements;
    this.db.transaction(() => {
      s.insertBoard.run(board.id, board.title, board.createdAt);
      for (const role of ROLES) s.insertToken.run(board.id, role, board.tokenHashes[role]);
      s.insertSnapshot.run(board.id, board.state);
      for (const role of board.links) s.insertLink.run(board.id, role);
      if (board.workshop) {
        s.insertPhase.run(board.id, board.workshop.phase, board.createdAt);
        for (const round of board.workshop.rounds) {
          s.insertRound.run(board.id, round.id, round.openedAt, JSON.stringify(round));
        }
      }
    })();
  }

  async boardExists(id: string): Promise<boolean> {
    return this.statements.boardExists.get(id) !== undefined;
  }

  async boardTitle(id: string): Promise<string | null> {
    return (this.statements.boardTitle.get(id) as { title: string } | undefined)?.title ?? null;
  }

  async roleForTokenHash(boardId: string, tokenHash: string): Promise<Role | null> {
    const row = this.statements.roleForToken.get(boardId, tokenHash, boardId, tokenHash) as { role: Role } | undefined;
    return row?.role ?? null;
  }

  async loadBoard(id: string): Promise<StoredBoard | null> {
    if (this.statements.boardExists.get(id) === undefined) return null;
    const snapshot = this.statements.selectSnapshot.get(id) as { state: Buffer; lastSeq: number } | undefined;
    const fromSeq = snapshot?.lastSeq ?? 0;
    const rows = this.statements.selectUpdates.all(id, fromSeq) as { seq: number; data: Buffer }[];
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastSeq: rows.at(-1)?.seq ?? fromSeq,
    };
  }

  async appendUpdate(boardId: string, update: Uint8Array): Promise<number> {
    return this.append({ boardId, update });
  }

  async appendUpdates(entries: readonly LogEntry[]): Promise<number[]> {
    return this.db.transaction(() => entries.map((entry) => this.append(entry)))();
  }

  private append({ boardId, update }: LogEntry): number {
    return (this.statements.appendUpdate.get({ board: boardId, data: update }) as { seq: number }).seq;
  }

  async compact(boardId: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(boardId, state, uptoSeq);
      this.statements.deleteUpdatesUpTo.run(boardId, uptoSeq);
    })();
  }

  async logSize(boardId: string): Promise<{ count: number; bytes: number }> {
    return this.statements.logSize.get(boardId) as { count: number; bytes: number };
  }

  async storedBytes(boardId: string): Promise<number> {
    return (this.statements.storedBytes.get(boardId, boardId) as { bytes: number }).bytes;
  }
}
