/**
 * Which instance acts on a timer's deadline: every instance holding the
 * board wakes at it, and one acts. `claim` answers "mine" (act, then say
 * `done`), "done" (acted on already) or when to ask again (another
 * instance holds it, and takes it over if that one dies before it is done).
 */
export interface AlarmLease {
  claim(boardId: string, deadline: number): Promise<"mine" | "done" | { askAgainInMs: number }>;
  done(boardId: string, deadline: number): Promise<void>;
}

/** One instance: every alarm is its own. */
export const OWN_ALARMS: AlarmLease = {
  claim: () => Promise.resolve("mine"),
  done: () => Promise.resolve(),
};
