import {
  COMMAND_REFUSALS,
  pausedTimer,
  resumedTimer,
  startedTimer,
  timerEnded,
  timerWithMore,
  type TimerState,
} from "@journeyboard/shared";
import { Refused } from "./Refused";
import type { TimerStore } from "./TimerStore";
import type { WorkshopWriter } from "./WorkshopWriter";

/** What else follows the timer: the voting round it counts down. */
export interface TimerFollowers {
  /** The board's timer changed (null: it has none any more); `previous` is what it was. */
  changed(boardId: string, timer: TimerState | null, previous: TimerState | null): void;
  /** A running timer reached zero. */
  ended(boardId: string, timer: TimerState): void;
}

/** setTimeout's longest delay; a later deadline is waited for in steps. */
const LONGEST_DELAY = 2 ** 31 - 1;

/**
 * The facilitator's timer for every board. Its truth is the store (a
 * deadline, or what is left while paused) and the clock; the process timer
 * armed here only wakes the server at the deadline to close the round the
 * timer counts down. It is armed again from the store whenever a workshop
 * loads, so a deadline passed while the server was down (or on another
 * instance) is acted on when the board comes back; acting on it twice
 * changes nothing (a round closes once).
 */
export class TimerService {
  private readonly alarms = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: TimerStore,
    private readonly writer: WorkshopWriter,
    private readonly now: () => number,
    private readonly followers: TimerFollowers,
  ) {}

  timerOf = (boardId: string): TimerState | null => this.store.timerOf(boardId);

  start(boardId: string, seconds: number, roundId: string | null = null): void {
    this.save(boardId, startedTimer(seconds * 1000, this.now(), roundId));
  }

  pause(boardId: string): void {
    const timer = this.store.timerOf(boardId);
    if (timer?.status !== "running" || timerEnded(timer, this.now()))
      throw new Refused(COMMAND_REFUSALS.timerNotRunning);
    this.save(boardId, pausedTimer(timer, this.now()));
  }

  resume(boardId: string): void {
    const timer = this.store.timerOf(boardId);
    if (timer?.status !== "paused") throw new Refused(COMMAND_REFUSALS.timerNotPaused);
    this.save(boardId, resumedTimer(timer, this.now()));
  }

  add(boardId: string, seconds: number): void {
    const timer = this.store.timerOf(boardId);
    if (!timer) throw new Refused(COMMAND_REFUSALS.noTimer);
    this.save(boardId, timerWithMore(timer, seconds * 1000, this.now()));
  }

  stop(boardId: string): void {
    if (!this.store.timerOf(boardId)) throw new Refused(COMMAND_REFUSALS.noTimer);
    this.save(boardId, null);
  }

  /** Wakes the server at the stored deadline (at once if it has passed): a workshop was loaded. */
  arm(boardId: string): void {
    clearTimeout(this.alarms.get(boardId));
    this.alarms.delete(boardId);
    const timer = this.store.timerOf(boardId);
    if (timer?.status !== "running") return;
    const wait = Math.min(Math.max(0, timer.endsAt - this.now()), LONGEST_DELAY);
    const alarm = setTimeout(() => {
      this.alarms.delete(boardId);
      const current = this.store.timerOf(boardId);
      if (current && timerEnded(current, this.now())) this.followers.ended(boardId, current);
      else this.arm(boardId);
    }, wait);
    alarm.unref();
    this.alarms.set(boardId, alarm);
  }

  private save(boardId: string, timer: TimerState | null): void {
    const previous = this.store.timerOf(boardId);
    this.store.save(boardId, timer, this.now());
    void this.writer.publish(boardId, { timer });
    this.arm(boardId);
    this.followers.changed(boardId, timer, previous);
  }

  dispose(): void {
    for (const alarm of this.alarms.values()) clearTimeout(alarm);
    this.alarms.clear();
  }
}
