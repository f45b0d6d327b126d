import pg from "pg";
import { ConfigError } from "../config";
import { reasonOf, shownUrl } from "../connectionErrors";
import type { Logger } from "../logger";
import { migrate } from "./migrator";
import { numericTypes } from "./pg";
import { PgBoardStore } from "./PgBoardStore";
import { PgVoteStore } from "./PgVoteStore";
import {
  PgFollowStore,
  PgCardRightsStore,
  PgAnonymityStore,
  PgCofacilitatorStore,
  PgLinkStore,
  PgLockStore,
  PgPhaseStore,
  PgSnapshotStore,
  PgTimerStore,
} from "./PgWorkshopStores";
import { POSTGRES_MIGRATIONS, postgresMigrationLog } from "./postgresMigrations";
import { PgPersonalLinkStore } from "./PgPersonalLinkStore";
import { PgTicketStore } from "./PgTicketStore";
import type { Storage } from "./Storage";

/** Any number, the same for every instance: the lock that lets one instance at a time migrate the tables. */
const MIGRATION_LOCK = 7_202_611_240;

/** Connections each instance keeps open at most; an append takes one for one statement. */
const POOL_SIZE = 10;

/**
 * The engine for several instances: every store in one PostgreSQL database
 * (DATABASE_URL), through a pool of connections; its tables migrated
 * (postgresMigrations.ts) when it opens, by one instance at a time.
 */
export class PostgresStorage implements Storage {
  readonly engine = "postgres";
  readonly boards: PgBoardStore;
  readonly votes: PgVoteStore;
  readonly snapshots: PgSnapshotStore;
  readonly phases: PgPhaseStore;
  readonly timers: PgTimerStore;
  readonly links: PgLinkStore;
  readonly personalLinks: PgPersonalLinkStore;
  readonly locks: PgLockStore;
  readonly tickets: PgTicketStore;
  readonly follow: PgFollowStore;
  readonly cofacilitators: PgCofacilitatorStore;
  readonly cardRights: PgCardRightsStore;
  readonly anonymity: PgAnonymityStore;

  private constructor(private readonly pool: pg.Pool) {
    this.boards = new PgBoardStore(pool);
    this.votes = new PgVoteStore(pool);
    this.snapshots = new PgSnapshotStore(pool);
    this.phases = new PgPhaseStore(pool);
    this.timers = new PgTimerStore(pool);
    this.links = new PgLinkStore(pool);
    this.personalLinks = new PgPersonalLinkStore(pool);
    this.locks = new PgLockStore(pool);
    this.tickets = new PgTicketStore(pool);
    this.follow = new PgFollowStore(pool);
    this.cofacilitators = new PgCofacilitatorStore(pool);
    this.cardRights = new PgCardRightsStore(pool);
    this.anonymity = new PgAnonymityStore(pool);
  }

  /** Connects and migrates; a database that cannot be reached or used is a ConfigError naming what to change. */
  static async open(url: string, logger?: Logger): Promise<PostgresStorage> {
    const pool = new pg.Pool({
      connectionString: url,
      max: POOL_SIZE,
      connectionTimeoutMillis: 5_000,
      types: numericTypes,
      application_name: "journeyboard",
    });
    // A connection that breaks while idle is dropped by the pool; the next query opens another.
    pool.on("error", (error) => logger?.warn({ err: error }, "PostgreSQL connection lost"));
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      await pool.end().catch(() => {});
      throw new ConfigError(
        `DATABASE_URL ${shownUrl(url)} cannot be reached (${reasonOf(error)}); check that PostgreSQL runs there and that the user and database exist, or unset DATABASE_URL to run on SQLite.`,
      );
    }
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await migrate(client, POSTGRES_MIGRATIONS, postgresMigrationLog, logger, `The database at ${shownUrl(url)}`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      client.release();
      await pool.end().catch(() => {});
      if (error instanceof ConfigError) throw error;
      throw new ConfigError(
        `DATABASE_URL ${shownUrl(url)}: the tables could not be migrated (${reasonOf(error)}); give the user the right to create tables in that database.`,
      );
    }
    client.release();
    return new PostgresStorage(pool);
  }

  async ping(): Promise<boolean> {
    const { rows } = await this.pool.query<{ ok: number }>(`SELECT 1 AS ok`);
    return rows[0]?.ok === 1;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
