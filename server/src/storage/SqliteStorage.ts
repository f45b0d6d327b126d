import { join } from "node:path";
import Database from "better-sqlite3";
import { ConfigError } from "../config";
import type { Logger } from "../logger";
import { prepareDataDir } from "./dataDir";
import { migrate } from "./migrator";
import { SQLITE_MIGRATIONS, sqliteMigrationLog } from "./sqliteMigrations";
import { SqliteBoardStore } from "./SqliteBoardStore";
import { SqliteVoteStore } from "./SqliteVoteStore";
import {
  SqliteFollowStore,
  SqliteLinkStore,
  SqliteLockStore,
  SqliteCofacilitatorStore,
  SqliteCardRightsStore,
  SqliteAnonymityStore,
  SqlitePhaseStore,
  SqliteSnapshotStore,
  SqliteTimerStore,
} from "./SqliteWorkshopStores";
import { SqlitePersonalLinkStore } from "./SqlitePersonalLinkStore";
import { SqliteTicketStore } from "./SqliteTicketStore";
import type { Storage } from "./Storage";

/** The file in DATA_DIR that holds everything. */
export const SQLITE_FILE = "journeyboard.sqlite";

/**
 * The embedded engine: one SQLite file in DATA_DIR, in WAL mode, holding
 * every store; its tables migrated (sqliteMigrations.ts) when it opens.
 * The handle stays in here: the rest of the server sees the stores.
 */
export class SqliteStorage implements Storage {
  readonly engine = "sqlite";
  readonly boards: SqliteBoardStore;
  readonly votes: SqliteVoteStore;
  readonly snapshots: SqliteSnapshotStore;
  readonly phases: SqlitePhaseStore;
  readonly timers: SqliteTimerStore;
  readonly links: SqliteLinkStore;
  readonly personalLinks: SqlitePersonalLinkStore;
  readonly locks: SqliteLockStore;
  readonly tickets: SqliteTicketStore;
  readonly follow: SqliteFollowStore;
  readonly cofacilitators: SqliteCofacilitatorStore;
  readonly cardRights: SqliteCardRightsStore;
  readonly anonymity: SqliteAnonymityStore;
  private readonly pingStatement: Database.Statement;

  private constructor(private readonly db: Database.Database) {
    this.boards = new SqliteBoardStore(db);
    this.votes = new SqliteVoteStore(db);
    this.snapshots = new SqliteSnapshotStore(db);
    this.phases = new SqlitePhaseStore(db);
    this.timers = new SqliteTimerStore(db);
    this.links = new SqliteLinkStore(db);
    this.personalLinks = new SqlitePersonalLinkStore(db);
    this.locks = new SqliteLockStore(db);
    this.tickets = new SqliteTicketStore(db);
    this.follow = new SqliteFollowStore(db);
    this.cofacilitators = new SqliteCofacilitatorStore(db);
    this.cardRights = new SqliteCardRightsStore(db);
    this.anonymity = new SqliteAnonymityStore(db);
    this.pingStatement = db.prepare(`SELECT 1 AS ok`);
  }

  /** Opens (or creates) DATA_DIR's database and migrates its tables; anything an operator must fix is a ConfigError. */
  static async open(dataDir: string, logger?: Logger): Promise<SqliteStorage> {
    prepareDataDir(dataDir);
    const file = join(dataDir, SQLITE_FILE);
    let db: Database.Database | undefined;
    try {
      db = new Database(file);
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      // All pending migrations in one transaction: a failure leaves the file as it was.
      db.exec("BEGIN IMMEDIATE");
      try {
        await migrate(db, SQLITE_MIGRATIONS, sqliteMigrationLog, logger, file);
        db.exec("COMMIT");
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      }
      return new SqliteStorage(db);
    } catch (error) {
      db?.close();
      if (!(error instanceof Database.SqliteError)) throw error;
      throw new ConfigError(
        `${file} cannot be used as the board database (${error.message}); move it away or set DATA_DIR to another folder.`,
      );
    }
  }

  async ping(): Promise<boolean> {
    return (this.pingStatement.get() as { ok: number }).ok === 1;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
