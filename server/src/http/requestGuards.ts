import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { ApiError } from "@journeyboard/shared";

const refuse = (c: Context, status: 415 | 429, refusal: ApiError) => c.json<ApiError>(refusal, status);

/**
 * Only `application/json` bodies: a page on any site can post a form or
 * `text/plain` here without asking first (no CORS preflight), so those
 * are refused (415) before anything reads them.
 */
export const jsonOnly: MiddlewareHandler = async (c, next) => {
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return refuse(c, 415, { error: "unsupported-media-type", message: "body: must be application/json" });
  }
  await next();
};

/** How many boards one address may create (or import) in a window of time. */
export interface NewBoardLimit {
  boards: number;
  seconds: number;
}

export const DEFAULT_NEW_BOARD_LIMIT: NewBoardLimit = { boards: 30, seconds: 600 };

/** Where several instances count together: a Redis connection and the key prefix of the count. */
export interface SharedCount {
  client: Redis;
  keyPrefix: string;
}

/**
 * New boards per address, creations and imports together: each one is
 * stored for good, so one address cannot fill the disk. Past the limit, 429
 * with `Retry-After`. With several instances the count is kept in Redis,
 * so the limit holds whichever instance a request reaches (while Redis is
 * away, each instance counts alone).
 */
export function newBoardsPerAddress({ boards, seconds }: NewBoardLimit, shared?: SharedCount): MiddlewareHandler {
  const alone = new RateLimiterMemory({ points: boards, duration: seconds });
  const limiter = shared
    ? new RateLimiterRedis({
        storeClient: shared.client,
        keyPrefix: shared.keyPrefix,
        points: boards,
        duration: seconds,
        rejectIfRedisNotReady: true,
        insuranceLimiter: alone,
      })
    : alone;
  return async (c, next) => {
    const address = getConnInfo(c).remote.address ?? "unknown";
    try {
      await limiter.consume(address);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const wait = Math.ceil(error.msBeforeNext / 1000);
      c.header("Retry-After", String(wait));
      return refuse(c, 429, {
        error: "too-many-requests",
        message: `too many new boards from this address; try again in ${wait} s`,
        retryAfter: wait,
      });
    }
    await next();
  };
}
