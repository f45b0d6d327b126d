import type { Connection, Document } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import { applyAwarenessUpdate } from "y-protocols/awareness";
import { PresenceState, shownName, type Role } from "@journeyboard/shared";
import type { Invite } from "../links/PersonalLinkStore";
import { writeAwareness, type AwarenessEntry } from "./frames";

/** An awareness entry as it arrived: its state still the JSON bytes the client sent. */
export interface RawPresence {
  clientId: number;
  clock: number;
  state: Uint8Array;
}

/** Reads an awareness update's entries without reading their states (JSON, read only if applied). */
export function scanAwareness(update: Uint8Array): RawPresence[] {
  const decoder = decoding.createDecoder(update);
  const entries: RawPresence[] = [];
  for (let count = decoding.readVarUint(decoder); count > 0; count--) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: decoding.readVarUint8Array(decoder) });
  }
  return entries;
}

/** Whether another connection of the document already speaks for this awareness client. */
const takenByOthers = (connection: Connection, clientId: number) =>
  connection.document
    .getConnections()
    .some((other) => other !== connection && connection.document.getClients(other).has(clientId));

/**
 * Of a connection's awareness entries, the one it may send: the first
 * awareness client it speaks for is the only one it may speak for, and not
 * one another connection already speaks for (nobody adds people or moves
 * someone else's pointer). The last such entry of the message wins.
 */
export function claimPresence(
  entries: readonly RawPresence[],
  connection: Connection,
  speaksFor: number | undefined,
): { entry: RawPresence | undefined; speaksFor: number | undefined } {
  let entry: RawPresence | undefined;
  for (const candidate of entries) {
    if (speaksFor === undefined && !takenByOthers(connection, candidate.clientId)) speaksFor = candidate.clientId;
    if (speaksFor === candidate.clientId) entry = candidate;
  }
  return { entry, speaksFor };
}

const text = new TextDecoder();

/**
 * A claimed entry made safe to apply: its state keeps known fields only,
 * each within its bounds (`PresenceState`: a `view` that followers fit to
 * their screen is a finite area of at least one world unit a side, so none
 * of them is sent to infinity or divides by zero); `user.role` is the
 * connection's role and `user.personId` the person it said it is (none
 * before it said), whatever it claimed; a personal link's connection shows
 * its invite's name and department, whatever it claimed, and on an anonymous
 * board `user.name` is empty, so nobody receives it; undefined for a state
 * that is no presence. Throws on bytes that are no JSON.
 */
export function stampPresence(
  entry: RawPresence,
  role: Role,
  personId: string | null,
  invite: Invite | null,
  anonymous: boolean,
): AwarenessEntry | undefined {
  const state = JSON.parse(text.decode(entry.state)) as unknown;
  if (state === null) return { clientId: entry.clientId, clock: entry.clock, state };
  const parsed = PresenceState.safeParse(state);
  if (!parsed.success) return undefined;
  // Undefined is left out of the JSON sent on: no person before the connection said who it is.
  const named = invite ? { name: invite.name, department: invite.department } : undefined;
  const user = parsed.data.user && {
    ...parsed.data.user,
    ...named,
    name: shownName(named?.name ?? parsed.data.user.name, anonymous),
    role,
    personId: personId ?? undefined,
  };
  const stamped = user ? { ...parsed.data, user } : parsed.data;
  return { clientId: entry.clientId, clock: entry.clock, state: stamped };
}

/** The origin of presence the server rewrote itself (`forgetNames`): no connection's. */
const NAMES_FORGOTTEN = "names-forgotten";

/**
 * A board just made anonymous: the presence its document holds still has
 * the names people gave before, which anyone joining would receive. Each
 * state is rewritten without its `user.name` (a newer clock, so every
 * connection takes it), and sent to everyone connected.
 */
export function forgetNames(document: Document): void {
  const { awareness } = document;
  const entries: AwarenessEntry[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as PresenceState).user;
    if (!user?.name) return;
    const clock = (awareness.meta.get(clientId)?.clock ?? 0) + 1;
    entries.push({ clientId, clock, state: { ...state, user: { ...user, name: "" } } });
  });
  if (entries.length) applyAwarenessUpdate(awareness, writeAwareness(entries), NAMES_FORGOTTEN);
}
