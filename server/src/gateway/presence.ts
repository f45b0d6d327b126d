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
 * the connection's role and `user.personId` the person it said it is
 * (none before it said), whatever it claimed.
 */
export function stampPresence(
  entries: readonly AwarenessEntry[],
  who: {
    speaksFor: number | undefined;
    takenByOthers: (clientId: number) => boolean;
    role: Role;
    personId: string | null;
  },
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
    if (!state.user) return [{ ...entry, state }];
    // Undefined is left out of the JSON sent on: no person before the connection said who it is.
    const user = { ...state.user, role: who.role, personId: who.personId ?? undefined };
    return [{ ...entry, state: { ...state, user } }];
  });
  return { entries: stamped, speaksFor };
}
