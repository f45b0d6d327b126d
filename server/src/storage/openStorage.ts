import type { ServerConfig } from "../config";
import type { Logger } from "../logger";
import { PostgresStorage } from "./PostgresStorage";
import { SqliteStorage } from "./SqliteStorage";
import type { Storage } from "./Storage";

/** The engine the configuration names: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export async function openStorage(config: ServerConfig, logger?: Logger): Promise<Storage> {
  if (config.databaseUrl) return PostgresStorage.open(config.databaseUrl, logger);
  return SqliteStorage.open(config.dataDir, logger);
}
