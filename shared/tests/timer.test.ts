import { describe, expect, it } from "vitest";
import {
  pausedTimer,
  resumedTimer,
  startedTimer,
  timerEnded,
  timerRemaining,
  timerWithMore,
} from "../src/protocol/timer";

describe("the workshop timer", () => {
  it("counts down from its deadline, stops counting while paused and takes up where it was", () => {
    const running = startedTimer(60_000, 1_000, null);
    expect(timerRemaining(running, 21_000)).toBe(40_000);
    const paused = pausedTimer(running as Extract<typeof running, { status: "running" }>, 21_000);
    expect(timerRemaining(paused, 500_000)).toBe(40_000);
    expect(timerEnded(paused, 500_000)).toBe(false);
    const resumed = resumedTimer(paused as Extract<typeof paused, { status: "paused" }>, 500_000);
    expect(timerRemaining(resumed, 510_000)).toBe(30_000);
    expect(timerEnded(resumed, 540_000)).toBe(true);
    expect(timerRemaining(resumed, 600_000)).toBe(0);
  });

  it("adds time to what is left, and starts again from now once it has run out, as no round's timer", () => {
    const running = startedTimer(60_000, 0, "round-1");
    expect(timerWithMore(running, 30_000, 10_000)).toEqual({ ...running, endsAt: 90_000, totalMs: 90_000 });
    expect(timerWithMore(running, 30_000, 70_000)).toEqual(startedTimer(30_000, 70_000, null));
  });
});
