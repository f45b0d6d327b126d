import { onTestFinished } from "vitest";
import { ServerProcess } from "./crash";
import { testDatabase } from "./postgres";
import { TEST_REDIS_URL, testRedisPrefix } from "./redis";
import { tempDataDir } from "./server";

/**
 * Several instances as a deployment runs them: real server processes from
 * source (each can be killed with SIGKILL) on one PostgreSQL database of
 * the test's own and one Redis under a prefix of the test's own. Killed
 * when the test ends.
 */
export async function startInstances(count: number): Promise<ServerProcess[]> {
  const env = { DATABASE_URL: await testDatabase(), REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: testRedisPrefix() };
  const instances = Array.from({ length: count }, () => new ServerProcess(tempDataDir(), 0, undefined, env));
  onTestFinished(() => Promise.all(instances.map((instance) => instance.kill())).then(() => {}));
  // One after the other: the first migrates the new database, and the machine has two cores.
  for (const instance of instances) await instance.start();
  return instances;
}

/** The log lines of an instance with this message (its JSON `msg`), parsed. */
export function logged(instance: ServerProcess, msg: string): Record<string, unknown>[] {
  return instance.lines
    .filter((line) => line.includes(`"msg":"${msg}"`))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The id an instance tags its messages to the others with, as its start-up line says. */
export function instanceIdOf(instance: ServerProcess): string {
  const id = instance.lines.map((line) => /"instance":"([^"]+)"/.exec(line)?.[1]).find(Boolean);
  if (!id) throw new Error("the instance did not say its id");
  return id;
}
