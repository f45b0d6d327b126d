import { z } from "zod";
import { Id } from "../schema/fields";

/**
 * Locks: the facilitator or a co-facilitator locks a journey, a stage, a lane
 * or a card, and the server refuses every change to locked content from
 * anyone who does not run the workshop (`runsWorkshop`; a card in
 * a locked stage, lane or journey is locked with it; so is moving a card
 * into one). Locks live in the server's workshop state, not in the board
 * document: no client can lift one by editing the board. The server
 * publishes them in the workshop document (`session.locks`). A lock guards
 * content and place; dots on a locked card still count.
 */
export const LOCK_KINDS = ["journey", "stage", "lane", "card"] as const;
export type LockKind = (typeof LOCK_KINDS)[number];

export const LockCommand = z.strictObject({
  type: z.literal("lock.set"),
  kind: z.enum(LOCK_KINDS),
  id: Id,
  locked: z.boolean(),
});
export type LockCommand = z.infer<typeof LockCommand>;

/** The workshop session's entry listing the locked targets (`lockKey`), sorted. */
export const SESSION_LOCKS = "locks";

/** How a locked target is named in the store and the workshop document. */
export const lockKey = (kind: LockKind, id: string): string => `${kind}/${id}`;

/** The target a `lockKey` names; null for a key that is none. */
export function parseLockKey(key: string): { kind: LockKind; id: string } | null {
  const slash = key.indexOf("/");
  const kind = key.slice(0, slash) as LockKind;
  return slash > 0 && LOCK_KINDS.includes(kind) ? { kind, id: key.slice(slash + 1) } : null;
}

/** The root of the board document each kind of lock guards. */
export const LOCK_AREAS = { journey: "journeys", stage: "stages", lane: "lanes", card: "cards" } as const;

/** Where a record sits: the fields that name the journey, stage and lane holding it. */
export interface LockPlace {
  journeyId?: unknown;
  stageId?: unknown;
  laneId?: unknown;
}

const KIND_OF_AREA: Partial<Record<string, LockKind>> = {
  journeys: "journey",
  stages: "stage",
  lanes: "lane",
  cards: "card",
};

/**
 * The lock, if any, that holds a record of this area with this id, placed
 * here (for a card, its journey, stage and lane; for a stage or lane, its
 * journey). Null when nothing locks it.
 */
export function lockHolding(
  locks: ReadonlySet<string>,
  area: string,
  id: string | null,
  place: LockPlace,
): string | null {
  const kind = KIND_OF_AREA[area];
  if (!kind || id === null) return null;
  const keys = [lockKey(kind, id)];
  if (typeof place.journeyId === "string") keys.push(lockKey("journey", place.journeyId));
  if (typeof place.stageId === "string") keys.push(lockKey("stage", place.stageId));
  if (typeof place.laneId === "string") keys.push(lockKey("lane", place.laneId));
  return keys.find((key) => locks.has(key)) ?? null;
}

/** The locked targets the workshop document lists, read defensively (anything else counts as no lock). */
export function readLocks(value: unknown): ReadonlySet<string> {
  return new Set(Array.isArray(value) ? value.filter((key): key is string => typeof key === "string") : []);
}
