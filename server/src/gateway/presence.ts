import { PresenceState, type Role } from "@journeyboard/shared";
import type { AwarenessEntry } from "./frames";

/**
 * The awareness entries a connection may send, made safe: the first
 * awareness client it speaks for is the only one it may speak for, and not
 * one another connection already speaks for (nobody adds people or moves
 * someone else's pointer); states keep known fields only, each within its
 * bounds (`PresenceState`: a `view` that followers fit to their screen is a
 * finite area of at least one world unit a side, so none of them is sent
 * to infinity or divides by zero), or are dropped whole; `user.role` is
 * the connection's role, whatever it claimed.
 */
export function stampPresence(
  entries: readonly AwarenessEntry[],
  who: { speaksFor: number | undefined; takenByOthers: (clientId: number) => boolean; role: Role },
): { entries: AwarenessEntry[]; speaksFor: number | undefined } {
  let speaksFor = who.speaksFor;
  const kept = entries.filter((entry) => {
    if (speaksFor === undefined && !who.takenByOthers(entry.clientId)) speaksFor = entry.clientId;
    return speaksFor === entry.clientId;
  });
  const stamped = kept.flatMap((entry) => {
    if (entry.state === null) return [entry];
    const parsed = PresenceState.safeParse(entry.state);
    if (!parsed.success) return [];
    const state = parsed.data;
    return [{ ...entry, state: state.user ? { ...state, user: { ...state.user, role: who.role } } : state }];
  });
  return { entries: stamped, speaksFor };
}
