import type { Logger } from "../logger";
import type { AlarmLease } from "../workshop/AlarmLease";
import type { RedisLink } from "./RedisLink";

/** How long the instance that claimed an alarm has to act on it before another may take it over. */
const HOLD_MS = 10_000;
/** How long an alarm acted on stays known as done (a board loaded later reads its round closed anyway). */
const DONE_MS = 24 * 3600 * 1000;
/** How often an instance that lost the claim asks whether the holder is done (or gone). */
const ASK_AGAIN_MS = 1_000;
const DONE = "done";

/**
 * The alarm of a timer's deadline, held through Redis: a key per board and
 * deadline, taken with SET NX PX by the first instance to wake. It acts,
 * then marks the key done; the others ask again every second until it is
 * done, or take it over once its hold has run out (it died while acting).
 * Redis away: this instance acts (a round closing twice closes once; a
 * round never closing would be worse).
 */
export class RedisAlarmLease implements AlarmLease {
  constructor(
    private readonly link: RedisLink,
    private readonly logger: Logger,
  ) {}

  async claim(boardId: string, deadline: number): Promise<"mine" | "done" | { askAgainInMs: number }> {
    const key = this.keyOf(boardId, deadline);
    try {
      const taken = await this.link.commands.set(key, this.link.instanceId, "PX", HOLD_MS, "NX");
      if (taken === "OK") return this.outcome(boardId, deadline, "mine");
      const [holder, left] = await Promise.all([this.link.commands.get(key), this.link.commands.pttl(key)]);
      if (holder === DONE) return this.outcome(boardId, deadline, "done");
      return { askAgainInMs: Math.min(Math.max(left, 1), ASK_AGAIN_MS) };
    } catch (error) {
      this.logger.warn({ err: error, board: boardId }, "timer alarm not claimed through Redis; acting on it here");
      return "mine";
    }
  }

  async done(boardId: string, deadline: number): Promise<void> {
    await this.link.commands
      .set(this.keyOf(boardId, deadline), DONE, "PX", DONE_MS)
      .catch((error: unknown) => this.logger.warn({ err: error, board: boardId }, "timer alarm not marked done"));
  }

  private keyOf(boardId: string, deadline: number): string {
    return this.link.key("alarm", boardId, String(deadline));
  }

  private outcome<T extends "mine" | "done">(boardId: string, deadline: number, outcome: T): T {
    this.logger.info({ board: boardId, deadline, acted: outcome === "mine" ? "here" : "elsewhere" }, "timer alarm");
    return outcome;
  }
}
