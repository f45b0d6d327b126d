import { join } from "node:path";
import { Redis } from "@hocuspocus/extension-redis";
import { SQLite } from "@hocuspocus/extension-sqlite";
import { Server } from "@hocuspocus/server";

/**
 * B-hp (bench/GOALS.md) on several instances: stock Hocuspocus 4.7 with
 * extension-sqlite and stock extension-redis 4.7, which publishes a state
 * vector on every change and has the other instances answer it.
 */
const redis = new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: "127.0.0.1",
  quiet: true,
  stopOnSignals: true,
  extensions: [
    new Redis({ host: redis.hostname, port: Number(redis.port || 6379), prefix: process.env.REDIS_PREFIX ?? "bench" }),
    new SQLite({ database: join(process.env.DATA_DIR ?? ".", "baseline.sqlite") }),
  ],
});
await server.listen();
console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address.port}` }));
