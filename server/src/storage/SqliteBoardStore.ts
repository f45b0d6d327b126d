import { join } from "node:path";
import Database from "better-sqlite3";
import { ROLES, type Role } from "@journeyboard/shared";
import { ConfigError } from "../config";
import { prepareDataDir } from "./dataDir";
import type { BoardStore, NewBoard, StoredBoard } from "./BoardStore";

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS boards (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS board_tokens (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     role TEXT NOT NULL,
     token_hash TEXT NOT NULL,
     PRIMARY KEY (board_id, role)
   )`,
  `CREATE TABLE IF NOT EXISTS board_snapshots (
     board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
     state BLOB NOT NULL,
     last_seq INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS board_updates (
     board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (board_id, seq)
   )`,
];

const SQL = {
  insertBoard: `INSERT INTO boards (id, title, created_at) VALUES (?, ?, ?)`,
  insertToken: `INSERT INTO board_tokens (board_id, role, token_hash) VALUES (?, ?, ?)`,
  insertSnapshot: `INSERT INTO board_snapshots (board_id, state, last_seq) VALUES (?, ?, 0)`,
  boardExists: `SELECT 1 FROM boards WHERE id = ?`,
  boardTitle: `SELECT title FROM boards WHERE id = ?`,
  roleForToken: `SELECT role FROM board_tokens WHERE board_id = ? AND token_hash = ?`,
  selectSnapshot: `SELECT state, last_seq AS lastSeq FROM board_snapshots WHERE board_id = ?`,
  selectUpdates: `SELECT seq, data FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq`,
  lastSeq: `SELECT COALESCE(MAX(seq), (SELECT last_seq FROM board_snapshots WHERE board_id = ?), 0) AS seq FROM board_updates WHERE board_id = ?`,
  insertUpdate: `INSERT INTO board_updates (board_id, seq, data) VALUES (?, ?, ?)`,
  upsertSnapshot: `INSERT INTO board_snapshots (board_id, state, last_seq) VALUES (?, ?, ?)
                   ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, last_seq = excluded.last_seq`,
  deleteUpdatesUpTo: `DELETE FROM board_updates WHERE board_id = ? AND seq <= ?`,
  logSize: `SELECT COUNT(*) AS count, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM board_updates WHERE board_id = ?`,
  storedBytes: `SELECT COALESCE((SELECT LENGTH(state) FROM board_snapshots WHERE board_id = ?), 0)
                 + COALESCE((SELECT SUM(LENGTH(data)) FROM board_updates WHERE board_id = ?), 0) AS bytes`,
  ping: `SELECT 1 AS ok`,
} as const;

/** The database in WAL mode with its tables; a file SQLite cannot use is a ConfigError naming what to change. */
function openDatabase(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    for (const statement of SCHEMA) db.exec(statement);
    return db;
  } catch (error) {
    db?.close();
    if (!(error instanceof Database.SqliteError)) throw error;
    throw new ConfigError(
      `${file} cannot be used as the board database (${error.message}); move it away or set DATA_DIR to another folder.`,
    );
  }
}

/**
 * Boards in one SQLite file under DATA_DIR, in WAL mode: an appended update
 * is on disk when `appendUpdate` returns, and survives the process being
 * killed (synchronous=NORMAL loses nothing on a process crash, only on a
 * power cut).
 */
export class SqliteBoardStore implements BoardStore {
  /** The open database, shared with the other stores kept in the same file (SqliteVoteStore). */
  readonly db: Database.Database;
  private readonly statements: { [K in keyof typeof SQL]: Database.Statement };
  /** Next sequence number per loaded board, so appends need no read. */
  private readonly nextSeq = new Map<string, number>();

  constructor(dataDir: string) {
    prepareDataDir(dataDir);
    this.db = openDatabase(join(dataDir, "journeyboard.sqlite"));
    this.statements = Object.fromEntries(
      Object.entries(SQL).map(([name, sql]) => [name, this.db.prepare(sql)]),
    ) as SqliteBoardStore["statements"];
  }

  createBoard(board: NewBoard): void {
    this.db.transaction(() => {
      this.statements.insertBoard.run(board.id, board.title, board.createdAt);
      for (const role of ROLES) this.statements.insertToken.run(board.id, role, board.tokenHashes[role]);
      this.statements.insertSnapshot.run(board.id, board.state);
    })();
  }

  boardExists(id: string): boolean {
    return this.statements.boardExists.get(id) !== undefined;
  }

  boardTitle(id: string): string | null {
    return (this.statements.boardTitle.get(id) as { title: string } | undefined)?.title ?? null;
  }

  roleForTokenHash(boardId: string, tokenHash: string): Role | null {
    const row = this.statements.roleForToken.get(boardId, tokenHash) as { role: Role } | undefined;
    return row?.role ?? null;
  }

  loadBoard(id: string): StoredBoard | null {
    if (!this.boardExists(id)) return null;
    const snapshot = this.statements.selectSnapshot.get(id) as { state: Buffer; lastSeq: number } | undefined;
    const fromSeq = snapshot?.lastSeq ?? 0;
    const rows = this.statements.selectUpdates.all(id, fromSeq) as { seq: number; data: Buffer }[];
    const lastSeq = rows.at(-1)?.seq ?? fromSeq;
    this.nextSeq.set(id, lastSeq + 1);
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastSeq,
    };
  }

  private lastSeq(boardId: string): number {
    const next = this.nextSeq.get(boardId);
    return next !== undefined ? next - 1 : (this.statements.lastSeq.get(boardId, boardId) as { seq: number }).seq;
  }

  appendUpdate(boardId: string, update: Uint8Array): number {
    const seq = this.lastSeq(boardId) + 1;
    this.statements.insertUpdate.run(boardId, seq, update);
    this.nextSeq.set(boardId, seq + 1);
    return seq;
  }

  compact(boardId: string, state: Uint8Array, uptoSeq: number): void {
    this.db.transaction(() => {
      this.statements.upsertSnapshot.run(boardId, state, uptoSeq);
      this.statements.deleteUpdatesUpTo.run(boardId, uptoSeq);
    })();
  }

  logSize(boardId: string): { count: number; bytes: number } {
    return this.statements.logSize.get(boardId) as { count: number; bytes: number };
  }

  storedBytes(boardId: string): number {
    return (this.statements.storedBytes.get(boardId, boardId) as { bytes: number }).bytes;
  }

  ping(): boolean {
    return (this.statements.ping.get() as { ok: number }).ok === 1;
  }

  close(): void {
    this.db.close();
  }
}
