import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, configFromEnv } from "./config";
import { loadEnvFile } from "./envFile";
import { createLogger } from "./logger";
import { startServer } from "./server";
import { shownUrl } from "./connectionErrors";

const clientDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "client", "dist");

try {
  const envFile = loadEnvFile();
  const config = configFromEnv(process.env, clientDir);
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger);
  const storage = config.databaseUrl ? { database: shownUrl(config.databaseUrl) } : { dataDir: config.dataDir };
  const redis = config.redis
    ? { redis: shownUrl(config.redis.url), redisPrefix: config.redis.prefix, instance: server.instanceId }
    : {};
  logger.info({ url: server.url, ...storage, ...redis, envFile }, `Journeyboard is running at ${server.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    await server.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Journeyboard cannot start: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
