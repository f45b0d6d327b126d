import { z } from "zod";

/**
 * The workshop timer: one per board, run by the facilitator, held by the
 * server. It is stored as a deadline (running) or what was left (paused),
 * never as a ticking process timer, so it means the same on every client,
 * after a reload, a reconnect or a server restart, and on any server
 * instance that reads the store. A voting round's countdown is this timer,
 * bound to the round (`roundId`): when it ends, the round closes.
 *
 * The server publishes it in the workshop document (`session.timer`);
 * clients count down from it with the server's clock (`BoardSession.now`).
 */

/** The longest a timer runs or a round counts down: a workshop day. */
export const TIMER_MAX_SECONDS = 24 * 3600;

const Ms = z.number().int().nonnegative();

export const TimerState = z.discriminatedUnion("status", [
  z.strictObject({
    status: z.literal("running"),
    /** When it reaches zero, in the server's clock (ms since the epoch). */
    endsAt: Ms,
    /** The whole time it was given, added time included: what a progress bar measures against. */
    totalMs: Ms,
    /** The voting round it counts down, or null for a plain timer. */
    roundId: z.string().nullable(),
  }),
  z.strictObject({
    status: z.literal("paused"),
    remainingMs: Ms,
    totalMs: Ms,
    roundId: z.string().nullable(),
  }),
]);
export type TimerState = z.infer<typeof TimerState>;

const Seconds = z.number().int().min(10).max(TIMER_MAX_SECONDS);

/** What the facilitator sends to run the timer (stateless messages, like every workshop command). */
export const TimerCommand = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("timer.start"), seconds: Seconds }),
  z.strictObject({ type: z.literal("timer.pause") }),
  z.strictObject({ type: z.literal("timer.resume") }),
  z.strictObject({ type: z.literal("timer.add"), seconds: z.number().int().min(10).max(3600) }),
  z.strictObject({ type: z.literal("timer.stop") }),
]);
export type TimerCommand = z.infer<typeof TimerCommand>;

/** Milliseconds left at `now` (0 once it has run out). */
export function timerRemaining(timer: TimerState, now: number): number {
  return timer.status === "paused" ? timer.remainingMs : Math.max(0, timer.endsAt - now);
}

/** Whether a running timer has reached zero. A paused one never ends. */
export const timerEnded = (timer: TimerState, now: number): boolean =>
  timer.status === "running" && now >= timer.endsAt;

export const startedTimer = (ms: number, now: number, roundId: string | null): TimerState => ({
  status: "running",
  endsAt: now + ms,
  totalMs: ms,
  roundId,
});

export const pausedTimer = (timer: Extract<TimerState, { status: "running" }>, now: number): TimerState => ({
  status: "paused",
  remainingMs: timerRemaining(timer, now),
  totalMs: timer.totalMs,
  roundId: timer.roundId,
});

export const resumedTimer = (timer: Extract<TimerState, { status: "paused" }>, now: number): TimerState => ({
  status: "running",
  endsAt: now + timer.remainingMs,
  totalMs: timer.totalMs,
  roundId: timer.roundId,
});

/**
 * The timer with more time. A timer that has run out starts again from now
 * with the time added ("two more minutes"), as a plain timer: the round it
 * counted down closed when it ended.
 */
export function timerWithMore(timer: TimerState, ms: number, now: number): TimerState {
  if (timerEnded(timer, now)) return startedTimer(ms, now, null);
  return timer.status === "paused"
    ? { ...timer, remainingMs: timer.remainingMs + ms, totalMs: timer.totalMs + ms }
    : { ...timer, endsAt: timer.endsAt + ms, totalMs: timer.totalMs + ms };
}
