import { z } from "zod";
import type { Phase } from "./phases";

/**
 * Private drafting. In the `draft` phase everyone writes alone: a new card
 * is a draft kept on its author's device (`drafts/PrivateDrafts.ts`), in
 * no document, presence or message the server sees, until its author
 * publishes it or the facilitator reveals every draft. The reveal is the
 * end of the phase: `drafts.reveal` (the facilitator's, by the policy)
 * moves the workshop on to `diverge`, and while the phase is not `draft`
 * the reveal stands, so every client that sees it, then or when it comes
 * back, writes its drafts into the board as ordinary cards of its author.
 * The server stores nothing of a draft; all it learns before the reveal is
 * how many drafts each person holds (`drafts` in presence, a number).
 */
export const DRAFT_PHASE = "draft" satisfies Phase;

export const DraftsCommand = z.strictObject({ type: z.literal("drafts.reveal") });
export type DraftsCommand = z.infer<typeof DraftsCommand>;

export const DRAFT_REFUSALS = {
  /** Revealing drafts outside the drafting phase: there is nothing private to reveal. */
  notDrafting: "not-drafting",
  /** Leaving the drafting phase for one where its drafts could not be published as cards: reveal them first. */
  draftsUnrevealed: "drafts-unrevealed",
} as const;

/** The phase the workshop goes on to when the facilitator reveals the drafts: ideas, together. */
export const AFTER_REVEAL: Phase = "diverge";

/** Whether new cards are private drafts in this phase. */
export const isDrafting = (phase: Phase): boolean => phase === DRAFT_PHASE;

/** The most drafts presence tells of (a count, never their content). */
export const MAX_DRAFT_COUNT = 1000;
