import {
  COMMAND_REFUSALS,
  pausedTimer,
  resumedTimer,
  startedTimer,
  timerEnded,
  timerWithMore,
  type TimerState,
} from "@journeyboard/shared";
import { OWN_ALARMS, type AlarmLease } from "./AlarmLease";
import { Refused } from "./Refused";
import type { TimerStore } from "./TimerStore";
import type { WorkshopWriter } from "./WorkshopWriter";

/** What else follows the timer: the voting round it counts down. */
export interface TimerFollowers {
  /** The board's timer changed (null: it has none any more); `previous` is what it was. */
  changed(boardId: string, timer: TimerState | null, previous: TimerState | null): Promise<void>;
  /** A running timer reached zero. */
  ended(boardId: string, timer: TimerState): Promise<void>;
}

/** setTimeout's longest delay; a later deadline is waited for in steps. */
const LONGEST_DELAY = 2 ** 31 - 1;

/**
 * The facilitator's timer for every board. Its truth is the store (a
 * deadline, or what is left while paused) and the clock; the process timer
 * armed here only wakes the server at the deadline to close the round the
 * timer counts down. It is armed again from the store whenever a workshop
 * loads, so a deadline passed while the server was down (or on another
 * instance) is acted on when the board comes back. With several
 * instances each one holding the board wakes at the deadline and one acts
 * (`AlarmLease`), also when the instance that took the command has died.
 */
export class TimerService {
  private readonly alarms = new Map<string, NodeJS.Timeout>();
  private disposed = false;

  constructor(
    private readonly store: TimerStore,
    private readonly writer: WorkshopWriter,
    private readonly now: () => number,
    private readonly followers: TimerFollowers,
    /** Runs the alarm's work in the board's turn, after the commands before it (WorkshopSession). */
    private readonly inTurn: (boardId: string, work: () => Promise<void>) => Promise<void>,
    private readonly lease: AlarmLease = OWN_ALARMS,
  ) {}

  timerOf = (boardId: string): Promise<TimerState | null> => this.store.timerOf(boardId);

  async start(boardId: string, seconds: number, roundId: string | null = null): Promise<void> {
    await this.save(boardId, startedTimer(seconds * 1000, this.now(), roundId));
  }

  async pause(boardId: string): Promise<void> {
    const timer = await this.store.timerOf(boardId);
    if (timer?.status !== "running" || timerEnded(timer, this.now()))
      throw new Refused(COMMAND_REFUSALS.timerNotRunning);
    await this.save(boardId, pausedTimer(timer, this.now()));
  }

  async resume(boardId: string): Promise<void> {
    const timer = await this.store.timerOf(boardId);
    if (timer?.status !== "paused") throw new Refused(COMMAND_REFUSALS.timerNotPaused);
    await this.save(boardId, resumedTimer(timer, this.now()));
  }

  async add(boardId: string, seconds: number): Promise<void> {
    const timer = await this.store.timerOf(boardId);
    if (!timer) throw new Refused(COMMAND_REFUSALS.noTimer);
    await this.save(boardId, timerWithMore(timer, seconds * 1000, this.now()));
  }

  async stop(boardId: string): Promise<void> {
    if (!(await this.store.timerOf(boardId))) throw new Refused(COMMAND_REFUSALS.noTimer);
    await this.save(boardId, null);
  }

  /**
   * Wakes the server at the stored deadline (at once if it has passed): a
   * workshop was loaded, or its timer changed here or on another instance.
   * `askAgainInMs`: another instance holds the alarm; wake then to see whether it acted.
   */
  async arm(boardId: string, askAgainInMs?: number): Promise<void> {
    this.disarm(boardId);
    const timer = await this.store.timerOf(boardId);
    if (this.disposed || timer?.status !== "running") return;
    // Armed again meanwhile (a later change read a later timer): that alarm stands.
    this.disarm(boardId);
    const wait = Math.min(askAgainInMs ?? Math.max(0, timer.endsAt - this.now()), LONGEST_DELAY);
    const alarm = setTimeout(() => {
      this.alarms.delete(boardId);
      void this.inTurn(boardId, async () => {
        const current = await this.store.timerOf(boardId);
        if (current?.status !== "running" || !timerEnded(current, this.now())) return this.arm(boardId);
        const claim = await this.lease.claim(boardId, current.endsAt);
        if (claim === "mine") {
          await this.followers.ended(boardId, current);
          await this.lease.done(boardId, current.endsAt);
        } else if (claim !== "done") await this.arm(boardId, claim.askAgainInMs);
      });
    }, wait);
    alarm.unref();
    this.alarms.set(boardId, alarm);
  }

  private disarm(boardId: string) {
    clearTimeout(this.alarms.get(boardId));
    this.alarms.delete(boardId);
  }

  private async save(boardId: string, timer: TimerState | null): Promise<void> {
    const previous = await this.store.timerOf(boardId);
    await this.store.save(boardId, timer, this.now());
    void this.writer.publish(boardId, { timer });
    await this.arm(boardId);
    await this.followers.changed(boardId, timer, previous);
  }

  dispose(): void {
    this.disposed = true;
    for (const alarm of this.alarms.values()) clearTimeout(alarm);
    this.alarms.clear();
  }
}
