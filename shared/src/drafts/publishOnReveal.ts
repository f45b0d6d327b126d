import type * as Y from "yjs";
import type { Role } from "../model/roles";
import type { Origin } from "../origins";
import { isDrafting } from "../protocol/drafts";
import { SESSION_PHASE, WORKSHOP_SESSION, readPhase } from "../protocol/phases";
import { mayChange } from "../protocol/policy";
import type { PrivateDrafts } from "./PrivateDrafts";

export interface RevealWatch {
  drafts: PrivateDrafts;
  board: Y.Doc;
  /** The board's workshop document, where the server publishes the phase. */
  workshop: Y.Doc;
  role: Role;
  /** This person's id, whose the published cards are (null before the server said). */
  author: () => string | null;
  origin: Origin;
  /**
   * Whether both documents are synced with the server: before that the
   * phase read is not the server's (a page opened offline reads the
   * default), and no draft may go out on it.
   */
  live: () => boolean;
}

/**
 * Publishes this person's drafts once the reveal stands: the phase is no
 * longer the drafting one, and it lets this person add cards (a phase that
 * does not keeps them here until one does). Checks at every change of the
 * workshop, and whenever `check` is called (the client calls it when a
 * connection syncs: someone offline at the reveal publishes on coming back).
 * Answers a function that stops watching.
 */
export function publishOnReveal(watch: RevealWatch): { check: () => void; stop: () => void } {
  const session = watch.workshop.getMap(WORKSHOP_SESSION);
  const check = () => {
    if (!watch.live() || watch.drafts.count === 0) return;
    const phase = readPhase(session.get(SESSION_PHASE));
    const mayAdd = mayChange(watch.role, phase, { area: "cards", record: null, field: null, created: true });
    if (!isDrafting(phase) && mayAdd) watch.drafts.publish(watch.board, null, watch.origin, watch.author());
  };
  session.observe(check);
  return { check, stop: () => session.unobserve(check) };
}
