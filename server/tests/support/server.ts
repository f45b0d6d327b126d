import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import type { CreateBoardResponse } from "@journeyboard/shared";
import { configFromEnv, type ServerConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { DEFAULT_CAPACITY, type CapacityLimits } from "../../src/gateway/capacity";
import { DEFAULT_GATE_LIMITS, type GateLimits } from "../../src/gateway/limits";
import type { FanOutTiming } from "../../src/gateway/PresenceFanOut";
import type { NewBoardLimit } from "../../src/http/requestGuards";
import { DEFAULT_HEAVY_LIMITS, type HeavyWorkLimits } from "../../src/heavy/HeavyWork";
import { startServer, type RunningServer } from "../../src/server";
import { testDatabase } from "./postgres";

export interface TestServer extends RunningServer {
  dataDir: string;
  config: ServerConfig;
  createBoard(body?: Record<string, unknown>): Promise<CreateBoardResponse>;
}

/** Under TEST_ENGINE=postgres, one database per data folder: a server started again on a folder finds its boards. */
const databases = new Map<string, string>();
const databaseFor = async (dataDir: string): Promise<string> => {
  const url = databases.get(dataDir) ?? (await testDatabase());
  databases.set(dataDir, url);
  return url;
};

/** A fresh data folder, removed when the test ends. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "journeyboard-test-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestServerOptions {
  /** The data folder, by default a fresh one removed when the test ends. */
  dataDir?: string;
  clock?: () => number;
  gateLimits?: Partial<GateLimits>;
  newBoardLimit?: NewBoardLimit;
  heavyLimits?: Partial<HeavyWorkLimits>;
  capacity?: Partial<CapacityLimits>;
  presenceTiming?: FanOutTiming;
}

/**
 * A real server on port 0 with its own SQLite file; closed when the test
 * ends. With TEST_ENGINE=postgres, a database of its own in PostgreSQL
 * instead (the suite on the other engine: the few tests that open the
 * SQLite file themselves do not hold there).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  {
    dataDir = tempDataDir(),
    clock,
    gateLimits,
    newBoardLimit,
    heavyLimits,
    capacity,
    presenceTiming,
  }: TestServerOptions = {},
): Promise<TestServer> {
  const engine =
    process.env.TEST_ENGINE === "postgres" && !env.DATABASE_URL ? { DATABASE_URL: await databaseFor(dataDir) } : {};
  const config = {
    ...configFromEnv({ PORT: "0", DATA_DIR: dataDir, ...engine, ...env }, undefined),
    newBoardLimit,
  };
  // Silent unless TEST_LOG names a level (e.g. TEST_LOG=warn) to see what the server logs during a test.
  const server = await startServer(config, createLogger(process.env.TEST_LOG ?? "silent"), {
    clock,
    gateLimits: { ...DEFAULT_GATE_LIMITS, ...gateLimits },
    heavyLimits: { ...DEFAULT_HEAVY_LIMITS, ...heavyLimits },
    capacity: { ...DEFAULT_CAPACITY, ...capacity },
    presenceTiming,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await server.close();
  };
  onTestFinished(close);
  return {
    ...server,
    close,
    dataDir,
    config,
    async createBoard(body = { title: "Test board" }) {
      const response = await fetch(`${server.url}/api/boards`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(env.ADMIN_TOKEN ? { authorization: `Bearer ${env.ADMIN_TOKEN}` } : {}),
        },
        body: JSON.stringify(body),
      });
      if (response.status !== 201)
        throw new Error(`board creation failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as CreateBoardResponse;
    },
  };
}
