import type Database from "better-sqlite3";
import type { Migration, MigrationLog } from "./migrator";

/**
 * The SQLite tables, one migration per change, in order; never edited once
 * released (a change is a new migration at the end). The first is the
 * tables as the server made them before migrations were versioned, each
 * `IF NOT EXISTS`: a data folder written then opens unchanged, and its
 * migration is recorded as applied.
 */
export const SQLITE_MIGRATIONS: readonly Migration<Database.Database>[] = [
  {
    name: "0001-initial",
    async up(db) {
      db.exec(`
        CREATE TABLE IF NOT EXISTS boards (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS board_tokens (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          role TEXT NOT NULL,
          token_hash TEXT NOT NULL,
          PRIMARY KEY (board_id, role)
        );
        CREATE TABLE IF NOT EXISTS board_snapshots (
          board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
          state BLOB NOT NULL,
          last_seq INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS board_updates (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          data BLOB NOT NULL,
          PRIMARY KEY (board_id, seq)
        );
        CREATE TABLE IF NOT EXISTS vote_rounds (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          round_id TEXT NOT NULL,
          opened_at INTEGER NOT NULL,
          record TEXT NOT NULL,
          PRIMARY KEY (board_id, round_id)
        );
        CREATE TABLE IF NOT EXISTS vote_dots (
          board_id TEXT NOT NULL,
          round_id TEXT NOT NULL,
          participant_id TEXT NOT NULL,
          card_id TEXT NOT NULL,
          category TEXT NOT NULL,
          department TEXT NOT NULL,
          dots INTEGER NOT NULL CHECK (dots > 0),
          PRIMARY KEY (board_id, round_id, participant_id, card_id),
          FOREIGN KEY (board_id, round_id) REFERENCES vote_rounds(board_id, round_id) ON DELETE CASCADE
        );
        CREATE TABLE IF NOT EXISTS vote_requests (
          board_id TEXT NOT NULL,
          round_id TEXT NOT NULL,
          participant_id TEXT NOT NULL,
          request_id TEXT NOT NULL,
          PRIMARY KEY (board_id, round_id, participant_id, request_id)
        );
        CREATE TABLE IF NOT EXISTS history_snapshots (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          id TEXT NOT NULL,
          name TEXT NOT NULL,
          kind TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          board_file TEXT NOT NULL,
          PRIMARY KEY (board_id, id)
        );
        CREATE TABLE IF NOT EXISTS board_phases (
          board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
          phase TEXT NOT NULL,
          changed_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS board_timers (
          board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
          state TEXT NOT NULL,
          changed_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS board_links (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          role TEXT NOT NULL,
          generation INTEGER NOT NULL,
          active INTEGER NOT NULL,
          PRIMARY KEY (board_id, role)
        );
      `);
    },
  },
  {
    // Released first as CREATE TABLE IF NOT EXISTS at start-up: a folder that has it already keeps it.
    name: "0002-locks",
    async up(db) {
      db.exec(`
        CREATE TABLE IF NOT EXISTS board_locks (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          target TEXT NOT NULL,
          locked_at INTEGER NOT NULL,
          PRIMARY KEY (board_id, target)
        );
      `);
    },
  },
  {
    // Download tickets were held in each process's memory before: none to carry over.
    name: "0003-download-tickets",
    async up(db) {
      db.exec(`
        CREATE TABLE download_tickets (
          ticket_hash TEXT PRIMARY KEY,
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          role TEXT NOT NULL,
          expires_at INTEGER NOT NULL
        );
        CREATE INDEX download_tickets_by_board ON download_tickets (board_id, expires_at);
        CREATE INDEX download_tickets_by_expiry ON download_tickets (expires_at);
      `);
    },
  },
  {
    name: "0004-follow",
    async up(db) {
      db.exec(`
        CREATE TABLE board_follow (
          board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
          state TEXT NOT NULL
        );
      `);
    },
  },
  {
    name: "0005-cofacilitators",
    async up(db) {
      db.exec(`
        CREATE TABLE board_cofacilitators (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          person_id TEXT NOT NULL,
          granted_at INTEGER NOT NULL,
          PRIMARY KEY (board_id, person_id)
        );
      `);
    },
  },
  {
    name: "0006-card-rights",
    async up(db) {
      db.exec(`
        CREATE TABLE board_card_rights (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          phase TEXT NOT NULL,
          others_allowed INTEGER NOT NULL,
          changed_at INTEGER NOT NULL,
          PRIMARY KEY (board_id, phase)
        );
      `);
    },
  },
  {
    // A revoked link keeps its row (the person stays listed, their link can be issued again) without a hash.
    name: "0007-personal-links",
    async up(db) {
      db.exec(`
        CREATE TABLE board_personal_links (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          invite_id TEXT NOT NULL,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          department TEXT NOT NULL,
          generation INTEGER NOT NULL,
          token_hash TEXT,
          invited_at INTEGER NOT NULL,
          PRIMARY KEY (board_id, invite_id)
        );
        CREATE INDEX board_personal_links_by_token ON board_personal_links (board_id, token_hash);
      `);
    },
  },
  {
    name: "0008-anonymous",
    async up(db) {
      db.exec(`
        CREATE TABLE board_anonymity (
          board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
          anonymous INTEGER NOT NULL,
          changed_at INTEGER NOT NULL
        );
      `);
    },
  },
];

/** The migrations applied to a SQLite database, in its own table. */
export const sqliteMigrationLog: MigrationLog<Database.Database> = {
  async applied(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`);
    return (db.prepare(`SELECT name FROM schema_migrations ORDER BY name`).all() as { name: string }[]).map(
      (row) => row.name,
    );
  },
  async record(db, name) {
    db.prepare(`INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)`).run(name, Date.now());
  },
};
