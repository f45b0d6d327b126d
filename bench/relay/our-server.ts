import { configFromEnv } from "../../server/src/config";
import { DEFAULT_GATE_LIMITS } from "../../server/src/gateway/limits";
import { createLogger } from "../../server/src/logger";
import { startServer } from "../../server/src/server";

/** Ours for the relay benchmark: the rate limits lifted, so a benchmark's flood is handled, not dropped. */
const server = await startServer(configFromEnv(process.env, undefined), createLogger("warn"), {
  gateLimits: { ...DEFAULT_GATE_LIMITS, messagesPerSecond: 1e9, messageBurst: 1e9, presencePerSecond: 1e9 },
});
console.log(JSON.stringify({ url: server.url }));
