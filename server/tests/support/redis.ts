import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { onTestFinished } from "vitest";

/**
 * The Redis the tests use: the machine's (127.0.0.1:6379, as stack.md
 * says), or TEST_REDIS_URL. Each test gets a key and channel prefix of its
 * own (TEST_REDIS_PREFIX, default `jb_test_`, and a random part), whose
 * keys are deleted when the test ends.
 */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = process.env.TEST_REDIS_PREFIX ?? "jb_test_";

/** A connection of the test's own, closed when the test ends. */
export function testRedis(): Redis {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  onTestFinished(() => void redis.quit());
  return redis;
}

/**
 * Whether Redis answers here. Without it the tests of several instances say
 * so loudly and are skipped, except under CI=true, where they run and fail.
 */
export const redisAvailable: boolean = await (async () => {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.quit();
    return true;
  } catch (error) {
    redis.disconnect();
    if (process.env.CI === "true") return true;
    console.warn(
      `\n*** Redis does not answer at ${TEST_REDIS_URL} (${(error as Error).message}): the tests of several instances are SKIPPED. ***\n`,
    );
    return false;
  }
})();

/** A prefix no other test uses; its keys are deleted when the test ends. */
export function testRedisPrefix(): string {
  const prefix = `${PREFIX}${randomBytes(6).toString("hex")}`;
  onTestFinished(async () => {
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });
  return prefix;
}
