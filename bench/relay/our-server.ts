import { configFromEnv } from "../../server/src/config";
import { DEFAULT_CAPACITY } from "../../server/src/gateway/capacity";
import { DEFAULT_GATE_LIMITS } from "../../server/src/gateway/limits";
import { createLogger } from "../../server/src/logger";
import { startServer } from "../../server/src/server";

/**
 * Ours for the relay benchmarks: the rate limits lifted, so a benchmark's
 * flood is handled, not dropped, and every client may come from the one
 * address of the load generators. Stops on SIGTERM by closing, so that a
 * CPU profile (`--cpu-prof`) is written.
 */
const server = await startServer(configFromEnv(process.env, undefined), createLogger("warn"), {
  gateLimits: { ...DEFAULT_GATE_LIMITS, messagesPerSecond: 1e9, messageBurst: 1e9, presencePerSecond: 1e9 },
  capacity: { ...DEFAULT_CAPACITY, sockets: 100_000, socketsPerAddress: 100_000 },
});
process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));
console.log(JSON.stringify({ url: server.url }));
