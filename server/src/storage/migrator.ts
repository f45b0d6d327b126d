import { Umzug, type UmzugStorage } from "umzug";
import { ConfigError } from "../config";
import type { Logger } from "../logger";

/** One versioned change of the tables, applied once per database, in the order of the list. */
export interface Migration<C> {
  /** Never renamed once released: it is what the database records as applied. */
  name: string;
  up(context: C): Promise<void>;
}

/** Where an engine records the migrations applied to its database (its `schema_migrations` table). */
export interface MigrationLog<C> {
  applied(context: C): Promise<string[]>;
  record(context: C, name: string): Promise<void>;
}

/**
 * Applies the migrations a database has not had yet, in order, with umzug
 * (the engine runs this inside one transaction, so a failed migration
 * leaves the tables as they were). A database that records a migration
 * this version does not know was written by a newer version: refused,
 * rather than run on tables it does not understand.
 */
export async function migrate<C extends object>(
  context: C,
  migrations: readonly Migration<C>[],
  log: MigrationLog<C>,
  logger: Logger | undefined,
  where: string,
): Promise<string[]> {
  const known = new Set(migrations.map((migration) => migration.name));
  const unknown = (await log.applied(context)).filter((name) => !known.has(name));
  if (unknown.length) {
    throw new ConfigError(
      `${where} was written by a newer Journeyboard (it has the migration ${unknown[0]}); run that version, or point the server at another database.`,
    );
  }
  const storage: UmzugStorage<C> = {
    executed: async () => log.applied(context),
    logMigration: async ({ name }) => log.record(context, name),
    unlogMigration: async () => {
      throw new Error("migrations are never reverted");
    },
  };
  const umzug = new Umzug<C>({
    migrations: migrations.map(({ name, up }) => ({ name, up: () => up(context) })),
    context,
    storage,
    logger: logger && {
      info: (message) => logger.info(message, "table migration"),
      warn: (message) => logger.warn(message, "table migration"),
      error: (message) => logger.error(message, "table migration"),
      debug: (message) => logger.debug(message, "table migration"),
    },
  });
  const applied = await umzug.up();
  return applied.map((migration) => migration.name);
}
