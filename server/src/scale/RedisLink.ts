import { randomBytes } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import { ConfigError } from "../config";
import { reasonOf, shownUrl } from "../connectionErrors";
import type { Logger } from "../logger";

export interface RedisSettings {
  url: string;
  /** Starts every key and channel this server uses, so that several deployments (or tests) share one Redis. */
  prefix: string;
}

/** How long a start waits for Redis to answer before it is a ConfigError. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Reconnect soon after Redis is back: within a second, whatever the outage. */
const reconnectDelay = (attempt: number) => Math.min(50 * attempt, 1_000);

/**
 * This instance's two connections to Redis: one for commands and
 * publishing, one subscribed (a subscribed connection takes no other
 * command). Both reconnect by themselves; what reconnecting means for the
 * boards (reading them from the store again) is `BoardChannels`'s.
 * Commands do not wait in a queue while Redis is away: a publish then
 * fails at once, and the catch-up after reconnecting makes up for it.
 */
export class RedisLink {
  private constructor(
    readonly commands: Redis,
    readonly subscriber: Redis,
    readonly prefix: string,
    /** Tags what this instance publishes, so that it ignores its own messages and others know who went silent. */
    readonly instanceId: string,
  ) {}

  /** Connects both; a URL where no Redis answers is a ConfigError naming it, its password hidden. */
  static async open(settings: RedisSettings, logger: Logger): Promise<RedisLink> {
    const instanceId = randomBytes(6).toString("hex");
    const options = (role: string, offlineQueue: boolean): RedisOptions => ({
      lazyConnect: true,
      connectionName: `${settings.prefix}:${instanceId}:${role}`,
      connectTimeout: CONNECT_TIMEOUT_MS,
      retryStrategy: reconnectDelay,
      enableOfflineQueue: offlineQueue,
      maxRetriesPerRequest: offlineQueue ? null : 0,
    });
    const commands = new Redis(settings.url, options("commands", false));
    // Subscriptions asked for while Redis is away are sent once it is back.
    const subscriber = new Redis(settings.url, options("subscriber", true));
    // connect() says only that the connection closed; the error event says why.
    let why: unknown;
    const noteWhy = (error: unknown) => (why ??= error);
    commands.on("error", noteWhy);
    subscriber.on("error", noteWhy);
    try {
      await Promise.all([commands.connect(), subscriber.connect()]);
    } catch (error) {
      commands.disconnect();
      subscriber.disconnect();
      throw new ConfigError(
        `REDIS_URL ${shownUrl(settings.url)} cannot be reached (${reasonOf(why ?? error)}); check that Redis runs there, or unset REDIS_URL to run one instance.`,
      );
    }
    commands.off("error", noteWhy);
    subscriber.off("error", noteWhy);
    for (const [role, client] of [
      ["commands", commands],
      ["subscriber", subscriber],
    ] as const) {
      let lost = false;
      client.on("error", (error: unknown) => {
        if (!lost) logger.warn({ err: error, role }, "Redis connection lost; reconnecting");
        lost = true;
      });
      client.on("ready", () => {
        if (lost) logger.info({ role }, "Redis connection back");
        lost = false;
      });
    }
    return new RedisLink(commands, subscriber, settings.prefix, instanceId);
  }

  /** A key or channel of this deployment: the prefix, then the parts. */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(":");
  }

  async close(): Promise<void> {
    await Promise.all([this.commands.quit(), this.subscriber.quit()]).catch(() => {});
    this.commands.disconnect();
    this.subscriber.disconnect();
  }
}
