import type { Logger } from "../logger";
import type { RedisLink } from "./RedisLink";
import { decodeMessage, encodeMessage, type InstanceMessage, type UnsignedMessage } from "./wire";

/** What a board's channel is heard for: each message of another instance (and this one's workshop notices). */
export interface ChannelListener {
  received(boardId: string, message: InstanceMessage): void;
  /**
   * The subscriber connection is back, subscribed again: what was published
   * meanwhile is lost, so each board held here is read from the store again.
   */
  rejoined(boardIds: string[]): void;
  /** The commands connection is back: what this instance published meanwhile may be lost. */
  publishesMayBeLost(boardIds: string[]): void;
}

/**
 * One Redis channel per board (`<prefix>:board:<id>`), subscribed while this
 * instance holds the board or its workshop document (`holds`, asked of
 * Hocuspocus: a load that failed never unloads, so its channel is left at
 * its next message). A subscription is acknowledged before `join` resolves,
 * so whatever is published after it is heard here; a load reads the store
 * only after, and so misses nothing in between.
 */
export class BoardChannels {
  private readonly joined = new Map<string, Promise<void>>();
  private readonly prefix: string;
  private listener: ChannelListener | undefined;

  constructor(
    private readonly link: RedisLink,
    private readonly holds: (boardId: string) => boolean,
    private readonly logger: Logger,
  ) {
    this.prefix = link.key("board", "");
    link.subscriber.on("messageBuffer", (channel: Buffer, data: Buffer) => this.heard(channel.toString(), data));
    link.subscriber.on("ready", () => void this.resubscribe());
    link.commands.on("ready", () => this.listener?.publishesMayBeLost([...this.joined.keys()]));
  }

  listen(listener: ChannelListener): void {
    this.listener = listener;
  }

  get instanceId(): string {
    return this.link.instanceId;
  }

  /**
   * Joins the board's channel. While Redis is away the board is not held
   * up: the subscription goes out once it is back, and the boards are read
   * from the store again then (`rejoined`).
   */
  join(boardId: string): Promise<void> {
    const joined = this.joined.get(boardId);
    if (joined) return joined;
    const subscribing = this.link.subscriber.subscribe(this.channelOf(boardId)).then(
      () => {},
      (error: unknown) => this.logger.warn({ err: error, board: boardId }, "Redis channel not joined yet"),
    );
    const joining = this.link.subscriber.status === "ready" ? subscribing : Promise.resolve();
    this.joined.set(boardId, joining);
    return joining;
  }

  /** Leaves the board's channel unless the board or its workshop document is still held here. */
  leave(boardId: string): void {
    if (this.holds(boardId) || !this.joined.delete(boardId)) return;
    this.link.subscriber
      .unsubscribe(this.channelOf(boardId))
      .catch((error: unknown) => this.logger.warn({ err: error, board: boardId }, "Redis channel not left"));
  }

  publish(boardId: string, message: UnsignedMessage): void {
    const bytes = encodeMessage({ ...message, from: this.link.instanceId } as InstanceMessage);
    this.link.commands
      .publish(this.channelOf(boardId), bytes)
      .catch((error: unknown) =>
        this.logger.warn({ err: error, board: boardId, kind: message.kind }, "not published to other instances"),
      );
  }

  private channelOf(boardId: string): string {
    return this.prefix + boardId;
  }

  private heard(channel: string, data: Buffer) {
    if (!channel.startsWith(this.prefix)) return;
    const boardId = channel.slice(this.prefix.length);
    if (!this.holds(boardId)) return this.leave(boardId);
    let message: InstanceMessage;
    try {
      message = decodeMessage(data);
    } catch (error) {
      this.logger.warn({ err: error, board: boardId }, "unreadable message on a board's channel dropped");
      return;
    }
    this.listener?.received(boardId, message);
  }

  /** After a reconnect: subscribed again (ioredis does it, this waits for Redis to say so), then the store is read. */
  private async resubscribe() {
    const boardIds = [...this.joined.keys()];
    if (boardIds.length === 0) return;
    try {
      await this.link.subscriber.subscribe(...boardIds.map((id) => this.channelOf(id)));
    } catch (error) {
      this.logger.warn({ err: error }, "Redis channels not joined again");
      return;
    }
    this.listener?.rejoined(boardIds);
  }
}
