import { useEffect, useState, useSyncExternalStore } from "react";
import type { TimerModel } from "../state/TimerModel";

/** What a screen shows of the workshop timer: seconds left (null without a timer), whether it runs or has run out. */
export interface TimerView {
  secondsLeft: number | null;
  running: boolean;
  paused: boolean;
  ended: boolean;
  roundId: string | null;
}

/** The workshop timer, read again as it changes and a few times a second while it runs. */
export function useTimer(model: TimerModel): TimerView {
  const timer = useSyncExternalStore(model.subscribe, () => model.timer);
  const [, setTick] = useState(0);
  const running = timer?.status === "running";
  useEffect(() => {
    if (!running) return;
    // Four ticks a second: the shown second changes at most a quarter second late, on every screen alike.
    const interval = setInterval(() => setTick((tick) => tick + 1), 250);
    return () => clearInterval(interval);
  }, [running, timer]);
  const remaining = model.remaining();
  const ended = model.ended();
  return {
    secondsLeft: remaining === null ? null : Math.ceil(remaining / 1000),
    running: running && !ended,
    paused: timer?.status === "paused",
    ended,
    roundId: timer?.roundId ?? null,
  };
}
