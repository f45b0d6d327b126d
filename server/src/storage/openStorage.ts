import type { ServerConfig } from "../config";
import type { Logger } from "../logger";
import { SqliteStorage } from "./SqliteStorage";
import type { Storage } from "./Storage";

/** The engine the configuration names: SQLite in DATA_DIR unless DATABASE_URL names PostgreSQL. */
export async function openStorage(config: ServerConfig, logger?: Logger): Promise<Storage> {
  return SqliteStorage.open(config.dataDir, logger);
}
