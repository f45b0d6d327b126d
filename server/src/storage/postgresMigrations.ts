import type { PoolClient } from "pg";
import type { Migration, MigrationLog } from "./migrator";

/**
 * The PostgreSQL tables, one migration per change, in order; never edited
 * once released (a change is a new migration at the end). They hold what
 * the SQLite tables hold, plus `board_log_heads`: each board's last
 * sequence number, which every append takes the next of under that row's
 * lock, so appends from several instances get numbers that are unique and
 * committed in order (sqliteMigrations.ts has the SQLite side).
 */
export const POSTGRES_MIGRATIONS: readonly Migration<PoolClient>[] = [
  {
    name: "0001-initial",
    async up(client) {
      await client.query(`
        CREATE TABLE boards (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          created_at BIGINT NOT NULL
        );
        CREATE TABLE board_tokens (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          role TEXT NOT NULL,
          token_hash TEXT NOT NULL,
          PRIMARY KEY (board_id, role)
        );
        CREATE TABLE board_snapshots (
          board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
          state BYTEA NOT NULL,
          last_seq BIGINT NOT NULL
        );
        CREATE TABLE board_log_heads (
          board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
          last_seq BIGINT NOT NULL
        );
        CREATE TABLE board_updates (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          seq BIGINT NOT NULL,
          data BYTEA NOT NULL,
          PRIMARY KEY (board_id, seq)
        );
        CREATE TABLE vote_rounds (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          round_id TEXT NOT NULL,
          opened_at BIGINT NOT NULL,
          record TEXT NOT NULL,
          PRIMARY KEY (board_id, round_id)
        );
        CREATE TABLE vote_dots (
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
        CREATE TABLE vote_requests (
          board_id TEXT NOT NULL,
          round_id TEXT NOT NULL,
          participant_id TEXT NOT NULL,
          request_id TEXT NOT NULL,
          PRIMARY KEY (board_id, round_id, participant_id, request_id)
        );
        CREATE TABLE history_snapshots (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          id TEXT NOT NULL,
          name TEXT NOT NULL,
          kind TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          board_file TEXT NOT NULL,
          PRIMARY KEY (board_id, id)
        );
        CREATE TABLE board_phases (
          board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
          phase TEXT NOT NULL,
          changed_at BIGINT NOT NULL
        );
        CREATE TABLE board_timers (
          board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
          state TEXT NOT NULL,
          changed_at BIGINT NOT NULL
        );
        CREATE TABLE board_links (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          role TEXT NOT NULL,
          generation INTEGER NOT NULL,
          active BOOLEAN NOT NULL,
          PRIMARY KEY (board_id, role)
        );
        CREATE TABLE board_locks (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          target TEXT NOT NULL,
          locked_at BIGINT NOT NULL,
          PRIMARY KEY (board_id, target)
        );
      `);
    },
  },
  {
    name: "0002-download-tickets",
    async up(client) {
      await client.query(`
        CREATE TABLE download_tickets (
          ticket_hash TEXT PRIMARY KEY,
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          role TEXT NOT NULL,
          expires_at BIGINT NOT NULL
        );
        CREATE INDEX download_tickets_by_board ON download_tickets (board_id, expires_at);
        CREATE INDEX download_tickets_by_expiry ON download_tickets (expires_at);
      `);
    },
  },
  {
    name: "0003-follow",
    async up(client) {
      await client.query(`
        CREATE TABLE board_follow (
          board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
          state TEXT NOT NULL
        );
      `);
    },
  },
  {
    name: "0004-cofacilitators",
    async up(client) {
      await client.query(`
        CREATE TABLE board_cofacilitators (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          person_id TEXT NOT NULL,
          granted_at BIGINT NOT NULL,
          PRIMARY KEY (board_id, person_id)
        );
      `);
    },
  },
  {
    name: "0005-card-rights",
    async up(client) {
      await client.query(`
        CREATE TABLE board_card_rights (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          phase TEXT NOT NULL,
          others_allowed BOOLEAN NOT NULL,
          changed_at BIGINT NOT NULL,
          PRIMARY KEY (board_id, phase)
        );
      `);
    },
  },
  {
    // A revoked link keeps its row (the person stays listed, their link can be issued again) without a hash.
    name: "0006-personal-links",
    async up(client) {
      await client.query(`
        CREATE TABLE board_personal_links (
          board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
          invite_id TEXT NOT NULL,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          department TEXT NOT NULL,
          generation INTEGER NOT NULL,
          token_hash TEXT,
          invited_at BIGINT NOT NULL,
          PRIMARY KEY (board_id, invite_id)
        );
        CREATE INDEX board_personal_links_by_token ON board_personal_links (board_id, token_hash);
      `);
    },
  },
  {
    name: "0007-anonymous",
    async up(client) {
      await client.query(`
        CREATE TABLE board_anonymity (
          board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
          anonymous BOOLEAN NOT NULL,
          changed_at BIGINT NOT NULL
        );
      `);
    },
  },
];

/** The migrations applied to a PostgreSQL database, in its own table. */
export const postgresMigrationLog: MigrationLog<PoolClient> = {
  async applied(client) {
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)`,
    );
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM schema_migrations ORDER BY name`);
    return rows.map((row) => row.name);
  },
  async record(client, name) {
    await client.query(`INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)`, [name, Date.now()]);
  },
};
