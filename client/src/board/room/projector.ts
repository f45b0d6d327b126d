import { newId, type FollowState } from "@journeyboard/shared";
import type { Identity } from "../../identity/identity";
import type { FollowSnapshot } from "../follow/FollowModel";
import type { Peer } from "../state/presence";

/** The fragment's key that opens a link as the projector: `#token=…&view=projector`. */
const VIEW_KEY = "view";
const PROJECTOR = "projector";

/** Whether the link (its fragment, never sent to the server) asks for the projector view. */
export const projectorRequested = (hash: string): boolean =>
  new URLSearchParams(hash.replace(/^#/, "")).get(VIEW_KEY) === PROJECTOR;

/**
 * Who the projector is to the board: no person. It asks nobody's name and
 * is not announced in presence; its id is its own, so it follows as itself
 * even in a browser where a person (the facilitator, say) also works.
 */
export const projectorIdentity = (): Identity => ({ id: newId(), name: "", department: "" });

/** The viewer link that opens as the projector. */
export function projectorLink(viewerUrl: string): string {
  const url = new URL(viewerUrl);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ""));
  fragment.set(VIEW_KEY, PROJECTOR);
  url.hash = fragment.toString();
  return url.toString();
}

/**
 * Whom the projector follows: the one the workshop follows while "follow
 * me" is on; else the facilitator on the board (the server stamps roles),
 * the newest connection when they have several; else nobody.
 */
export function projectorLeader(
  workshop: FollowState | null,
  peers: readonly Pick<Peer, "clientId" | "user">[],
): string | null {
  if (workshop) return workshop.leader;
  let newest: Pick<Peer, "clientId" | "user"> | null = null;
  for (const peer of peers)
    if (peer.user.role === "facilitator" && peer.user.id && (!newest || peer.clientId > newest.clientId)) newest = peer;
  return newest?.user.id ?? null;
}

/**
 * What the projector does to follow `leader`: nothing while it does; back to
 * the workshop's "follow me" when that is whom; else follows them by choice.
 * It follows again at once after anything moved its view (a touch on the
 * screen): nobody stands at a projector to press "Follow again".
 */
export function projectorStep(snapshot: FollowSnapshot, leader: string | null): "again" | { follow: string } | null {
  if (leader === null || snapshot.following?.leader === leader) return null;
  return snapshot.workshop?.leader === leader ? "again" : { follow: leader };
}
