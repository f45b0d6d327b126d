import { Redis } from "ioredis";

/**
 * Counts what instances publish through Redis under a prefix: one pattern
 * subscription sees each published message once. Each is delivered to
 * every instance subscribed to its channel (PUBSUB NUMSUB, asked per
 * channel at the end, while all are still subscribed), so deliveries are
 * messages times subscribers.
 */
export class TrafficCounter {
  private readonly redis: Redis;
  private readonly byChannel = new Map<string, { messages: number; bytes: number }>();
  private counting = false;

  constructor(
    url: string,
    private readonly pattern: string,
  ) {
    this.redis = new Redis(url, { lazyConnect: true });
    this.redis.on("pmessageBuffer", (_pattern: Buffer, channel: Buffer, message: Buffer) => {
      if (!this.counting) return;
      const name = channel.toString();
      const seen = this.byChannel.get(name) ?? { messages: 0, bytes: 0 };
      seen.messages += 1;
      seen.bytes += message.byteLength;
      this.byChannel.set(name, seen);
    });
  }

  async start(): Promise<void> {
    await this.redis.connect();
    await this.redis.psubscribe(this.pattern);
  }

  count(on: boolean): void {
    this.counting = on;
  }

  /** Published messages and bytes, and deliveries, over every channel counted. */
  async totals(url: string): Promise<{ messages: number; bytes: number; deliveries: number }> {
    const asker = new Redis(url);
    let messages = 0;
    let bytes = 0;
    let deliveries = 0;
    for (const [channel, seen] of this.byChannel) {
      const [, subscribers] = (await asker.pubsub("NUMSUB", channel)) as [string, number];
      messages += seen.messages;
      bytes += seen.bytes;
      deliveries += seen.messages * Number(subscribers);
    }
    await asker.quit();
    return { messages, bytes, deliveries };
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

/** Round trips to Redis from this process, in ms: what "2 Redis round trips" means on this machine. */
export async function redisRoundTrips(url: string, count: number): Promise<number[]> {
  const redis = new Redis(url);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await redis.ping();
    times.push(performance.now() - start);
  }
  await redis.quit();
  return times;
}
