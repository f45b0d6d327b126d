import type { Logger } from "../logger";
import type { RedisLink } from "./RedisLink";
import { decodeMessage, encodeMessage } from "./wire";

/** How often this instance says it is alive. */
const HEARTBEAT_MS = 1_000;
/** Silence after which another instance is taken for dead (its clients' presence goes with it). */
const SILENCE_MS = 3_500;

/**
 * Which other instances are alive: each says so every second on the
 * deployment's `instances` channel (and `gone` when it stops). One that
 * falls silent, killed or cut off, is lost for the others, which drop the
 * presence of its clients instead of showing them for the 30 s the
 * awareness protocol would. A few messages a second in all, whatever the
 * boards do.
 */
export class Instances {
  private readonly lastHeard = new Map<string, number>();
  private readonly channel: string;
  private readonly beat: NodeJS.Timeout;
  private readonly watch: NodeJS.Timeout;

  constructor(
    private readonly link: RedisLink,
    private readonly lost: (instanceId: string) => void,
    private readonly logger: Logger,
  ) {
    this.channel = link.key("instances");
    link.subscriber.on("messageBuffer", (channel: Buffer, data: Buffer) => {
      if (channel.toString() === this.channel) this.heard(data);
    });
    this.beat = setInterval(() => this.say("alive"), HEARTBEAT_MS);
    this.watch = setInterval(() => this.forgetSilent(), HEARTBEAT_MS);
    this.beat.unref();
    this.watch.unref();
  }

  async start(): Promise<void> {
    await this.link.subscriber.subscribe(this.channel);
    this.say("alive");
  }

  /** Stops saying it is alive, and says it is gone. */
  async stop(): Promise<void> {
    clearInterval(this.beat);
    clearInterval(this.watch);
    await this.link.commands
      .publish(this.channel, encodeMessage({ kind: "gone", from: this.link.instanceId }))
      .catch(() => {});
  }

  /** Heard from on a board's channel: alive now, and watched from here on even if its heartbeat was missed. */
  seen(instanceId: string): void {
    this.lastHeard.set(instanceId, Date.now());
  }

  private say(kind: "alive") {
    this.link.commands.publish(this.channel, encodeMessage({ kind, from: this.link.instanceId })).catch(() => {
      // Redis is away: the others find this instance silent, as it finds them.
    });
  }

  private heard(data: Buffer) {
    try {
      const message = decodeMessage(data);
      if (message.from === this.link.instanceId) return;
      if (message.kind === "alive") this.seen(message.from);
      else if (message.kind === "gone") this.forget(message.from);
    } catch (error) {
      this.logger.warn({ err: error }, "unreadable message on the instances' channel dropped");
    }
  }

  private forgetSilent() {
    const now = Date.now();
    for (const [instanceId, at] of this.lastHeard) if (now - at > SILENCE_MS) this.forget(instanceId);
  }

  private forget(instanceId: string) {
    this.lastHeard.delete(instanceId);
    this.lost(instanceId);
  }
}
