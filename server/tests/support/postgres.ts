import { randomBytes } from "node:crypto";
import pg from "pg";
import { onTestFinished } from "vitest";

/**
 * The PostgreSQL the tests use: the machine's (127.0.0.1:5432, user
 * postgres, as stack.md says), or TEST_POSTGRES_URL. Each test gets a
 * database of its own, named with TEST_DATABASE_PREFIX (default `jb_test_`)
 * and a random part, dropped when the test ends.
 */
const SERVER_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PREFIX = process.env.TEST_DATABASE_PREFIX ?? "jb_test_";

const withAdmin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/**
 * Whether PostgreSQL answers here. Without it the PostgreSQL tests say so
 * loudly and are skipped, except under CI=true, where they run and fail.
 */
export const postgresAvailable: boolean = await withAdmin(async () => true).catch((error: unknown) => {
  if (process.env.CI === "true") return true;
  console.warn(
    `\n*** PostgreSQL does not answer at ${SERVER_URL} (${(error as Error).message}): the PostgreSQL tests are SKIPPED. ***\n`,
  );
  return false;
});

/** The URL of a new, empty database, dropped (with whatever still holds it) when the test ends. */
export async function testDatabase(): Promise<string> {
  const name = `${PREFIX}${randomBytes(6).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  onTestFinished(async () => {
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement as the PostgreSQL superuser, outside any test database. */
export async function asAdmin(sql: string): Promise<void> {
  await withAdmin((client) => client.query(sql));
}

/** Runs one statement in a test's own database, as its owner. */
export async function inDatabase(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The engines a storage test runs on: SQLite always, PostgreSQL where it answers. */
export const ENGINES = ["sqlite", ...(postgresAvailable ? ["postgres"] : [])] as const;
