import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The little of node-postgres used here. */
interface PgClient {
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}

/** node-postgres, from the server's dependencies (the benchmark has none of its own for it). */
const pg = createRequire(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "server", "package.json"))("pg") as {
  Client: new (options: { connectionString: string }) => PgClient;
};

const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PREFIX = process.env.BENCH_DATABASE_PREFIX ?? "jb_bench_";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs `work` with the URL of a new PostgreSQL database, dropped afterwards. */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `${PREFIX}${randomBytes(6).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
