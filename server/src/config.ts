import { resolve } from "node:path";
import { z } from "zod";
import type { NewBoardLimit } from "./http/requestGuards";
import type { RedisSettings } from "./scale/RedisLink";

/**
 * Configuration comes from the environment only (the external contract in
 * README.md). Every field has a default that runs on one machine with SQLite.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("data"),
  PUBLIC_URL: z.url().optional(),
  ADMIN_TOKEN: z.string().min(16, "ADMIN_TOKEN must be at least 16 characters").optional(),
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  REDIS_URL: z.preprocess(
    (url) => (url === "" ? undefined : url),
    z
      .string()
      .refine((url) => URL.canParse(url) && /^rediss?:$/.test(new URL(url).protocol), {
        message: "must be a Redis URL, such as redis://:password@host:6379",
      })
      .optional(),
  ),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "must be 1 to 64 letters, digits or _ . : -")
    .default("journeyboard"),
  DATABASE_URL: z.preprocess(
    (url) => (url === "" ? undefined : url),
    z
      .string()
      .refine((url) => URL.canParse(url) && /^postgres(ql)?:$/.test(new URL(url).protocol), {
        message: "must be a PostgreSQL URL, such as postgres://user:password@host:5432/journeyboard",
      })
      .optional(),
  ),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL for every store (several instances share it); unset, SQLite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Redis, through which several instances on one database share boards as they change (src/scale/); unset, one instance. */
  redis: RedisSettings | undefined;
  /** Base of the links the server hands out; unset, links follow the address each request came to (http/linkBase.ts). */
  publicUrl: string | undefined;
  adminToken: string | undefined;
  /** The Bearer token `GET /metrics` asks for; unset, the route is off. */
  metricsToken: string | undefined;
  logLevel: z.infer<typeof Env>["LOG_LEVEL"];
  /** Where the built client lives; the server answers API routes only when it is absent. */
  clientDir: string | undefined;
  /** New boards per address; the default unless set (tests lower it to reach it). */
  newBoardLimit?: NewBoardLimit;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function configFromEnv(env: NodeJS.ProcessEnv, clientDir: string | undefined): ServerConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join(".")}: ${issue?.message}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      "REDIS_URL (several instances) needs DATABASE_URL: instances share one PostgreSQL database, never one SQLite file; set DATABASE_URL too, or unset REDIS_URL to run one instance.",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : undefined,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    adminToken: e.ADMIN_TOKEN,
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL,
    clientDir,
  };
}
