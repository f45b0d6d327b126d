import type { ViewArea } from "./presence";

/**
 * Which pointers a person receives, and how often each person sends theirs,
 * so that presence stays bounded as a board grows to hundreds of people:
 * the server sends each person the cursors of those in their view, of the
 * `NEAREST_CURSORS` nearest to it, of whoever leads the workshop's "follow
 * me" and of whomever they follow (`cursorsShownTo`); everyone else reaches
 * them without a cursor or view, so the list of people stays complete.
 */

/** How many cursors beyond those in view a person receives: the nearest to their view. */
export const NEAREST_CURSORS = 30;

/**
 * How long the server lets a person's entry go unsent to someone at most.
 * A Yjs awareness client forgets anyone it has heard nothing of for 30 s,
 * so a person whose cursor someone does not receive is sent to them again,
 * without it, at least this often.
 */
export const PRESENCE_RENEW_MS = 10_000;

/** One person's pointer as the server holds it: on the journey they show (their `view`), if they show one. */
export interface CursorHolder {
  clientId: number;
  /** Their presence `user.id`, by which "follow me" and following name them. */
  userId: string | undefined;
  cursor: { x: number; y: number } | null | undefined;
  journeyId: string | undefined;
}

/** The person receiving: what they show and whom they follow. */
export interface CursorViewer {
  clientId: number;
  view: ViewArea | null | undefined;
  following: string | null | undefined;
}

/** Squared distance from a point to an area (0 inside it); infinite on another journey, or without one. */
function distanceToView(holder: CursorHolder, view: ViewArea | null | undefined): number {
  if (!view || !holder.cursor || holder.journeyId !== view.journeyId) return Infinity;
  const { x, y } = holder.cursor;
  const dx = Math.max(view.x - x, 0, x - (view.x + view.width));
  const dy = Math.max(view.y - y, 0, y - (view.y + view.height));
  return dx * dx + dy * dy;
}

/**
 * The client ids whose whole presence, pointer and view, `viewer`
 * receives: every pointer in their view, the `nearest` closest to it (ties,
 * and those without a pointer, on other journeys or without a view, by
 * client id, so the choice holds still while nobody moves; on a board of
 * fewer people than that, everyone), and always `leader` (the presence id
 * leading "follow me", or null) and whom the viewer follows, whose views
 * their followers show. A viewer without a view yet gets the `nearest`
 * first by client id, and the leaders.
 */
export function cursorsShownTo(
  viewer: CursorViewer,
  holders: Iterable<CursorHolder>,
  leader: string | null,
  nearest: number = NEAREST_CURSORS,
): Set<number> {
  const shown = new Set<number>();
  // The closest not in view, kept sorted by distance then client id, never more than `nearest`.
  const closest: { clientId: number; distance: number }[] = [];
  const before = (a: { clientId: number; distance: number }, distance: number, clientId: number) =>
    a.distance < distance || (a.distance === distance && a.clientId < clientId);
  for (const holder of holders) {
    if (holder.clientId === viewer.clientId) continue;
    const led = holder.userId !== undefined && (holder.userId === leader || holder.userId === viewer.following);
    const distance = distanceToView(holder, viewer.view);
    if (led || distance === 0) {
      shown.add(holder.clientId);
      continue;
    }
    const farthest = closest[nearest - 1];
    if (closest.length >= nearest && (!farthest || before(farthest, distance, holder.clientId))) continue;
    let at = closest.length;
    while (at > 0 && !before(closest[at - 1]!, distance, holder.clientId)) at--;
    closest.splice(at, 0, { clientId: holder.clientId, distance });
    if (closest.length > nearest) closest.pop();
  }
  for (const { clientId } of closest) shown.add(clientId);
  return shown;
}

/** A person's own pointer goes out at most this often on a board of up to `CURSOR_RATE.fewPeople` people (20 a second)… */
export const CURSOR_RATE = {
  fastestMs: 50,
  fewPeople: 10,
  /** …and this often from `manyPeople` on (4 a second), the rate falling evenly in between. */
  slowestMs: 250,
  manyPeople: 200,
} as const;

/**
 * How long a person waits between two sends of their pointer on a board
 * of `people` (them included): the more people, the more pointers the
 * server relays, so each sends fewer.
 */
export function cursorIntervalMs(people: number): number {
  const { fastestMs, fewPeople, slowestMs, manyPeople } = CURSOR_RATE;
  if (people <= fewPeople) return fastestMs;
  if (people >= manyPeople) return slowestMs;
  const fastest = 1000 / fastestMs;
  const slowest = 1000 / slowestMs;
  const perSecond = fastest - ((fastest - slowest) * (people - fewPeople)) / (manyPeople - fewPeople);
  return Math.round(1000 / perSecond);
}
