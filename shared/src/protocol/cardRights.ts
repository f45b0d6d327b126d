import { z } from "zod";
import { PHASES, type Phase } from "./phases";

/**
 * Whose cards a participant may change: each card records its author's
 * person id (`authorId`, shared `people.ts`; null for a card from before
 * authors were recorded, which is nobody's), and for each phase the
 * facilitator (or a co-facilitator) decides whether participants may change
 * others' cards too, or only their own (`cards.others`). By default only in
 * "open". The server stores the choice, publishes it in the workshop
 * document (`session.othersCards`: every phase's choice) and refuses a
 * participant's change to someone else's card where it is closed; nobody
 * but those who run the workshop ever changes a card's author.
 */
export const OthersCardsCommand = z.strictObject({
  type: z.literal("cards.others"),
  phase: z.enum(PHASES),
  allowed: z.boolean(),
});
export type OthersCardsCommand = z.infer<typeof OthersCardsCommand>;

/** The workshop session's entry: for each phase, whether participants may change others' cards. */
export const SESSION_OTHERS_CARDS = "othersCards";

export type OthersCards = Readonly<Record<Phase, boolean>>;

/** Until the facilitator says otherwise: everyone's cards in "open", only one's own in the other phases. */
export const DEFAULT_OTHERS_CARDS: OthersCards = {
  open: true,
  draft: false,
  diverge: false,
  vote: false,
  discuss: false,
  plan: false,
};

/** Every phase's choice: what is stored, the default for the rest (anything that is not a boolean counts as unset). */
export function othersCardsFrom(stored: unknown): OthersCards {
  const given = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(
    PHASES.map((phase) => [phase, typeof given[phase] === "boolean" ? given[phase] : DEFAULT_OTHERS_CARDS[phase]]),
  ) as Record<Phase, boolean>;
}
