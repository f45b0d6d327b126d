import { TimerState } from "@journeyboard/shared";

/**
 * Each board's workshop timer: a deadline or what is left, so it survives a
 * restart and reads the same from any process. Read from the store every
 * time, never cached: another instance may have changed it.
 */
export interface TimerStore {
  timerOf(boardId: string): Promise<TimerState | null>;
  /** null: the board has no timer any more. */
  save(boardId: string, timer: TimerState | null, at: number): Promise<void>;
}

/** A stored timer, or null when there is none or it does not parse. */
export const timerFrom = (stored: string | undefined): TimerState | null => {
  if (stored === undefined) return null;
  const parsed = TimerState.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : null;
};
