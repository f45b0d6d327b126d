import { z } from "zod";
import { LIMITS } from "../model/limits";
import { LANE_KINDS, type LaneKind } from "../model/laneKinds";

/**
 * Dot voting. Votes are commands to the server (Hocuspocus stateless
 * messages on the board's own connection), never document edits: the
 * server checks each against the connection's role, the round, the card's
 * eligibility, the voter's budget for the card's category and the cap per
 * card, and stores it in one transaction. Ballots stay on the server; each
 * voter is told only their own dots, the facilitator only who has dots
 * left. Round state and, once revealed, the totals are published in the
 * board's workshop document (`workshopDocumentName`), which every client
 * reads and only the server writes.
 */

/** The server-owned companion document of a board: rounds and their revealed results. */
export const WORKSHOP_SUFFIX = "/workshop";
export const workshopDocumentName = (boardId: string): string => `${boardId}${WORKSHOP_SUFFIX}`;
/** The board id a document name belongs to, and whether it names the workshop document. */
export function parseDocumentName(name: string): { boardId: string; workshop: boolean } {
  return name.endsWith(WORKSHOP_SUFFIX)
    ? { boardId: name.slice(0, -WORKSHOP_SUFFIX.length), workshop: true }
    : { boardId: name, workshop: false };
}

/** A budget category is the kind of the lane a card sits in. */
export type VoteCategory = LaneKind;
export const DEFAULT_VOTE_KINDS: readonly LaneKind[] = ["irritants", "magicMoments"];

const Id = z.string().min(1).max(64);
const Count = z.number().int().min(1).max(50);

export const RoundRules = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.title),
  /** The dots each person may place per category; a category without a budget cannot be voted on. */
  budgets: z.partialRecord(z.enum(LANE_KINDS), Count).refine((b) => Object.keys(b).length > 0, {
    message: "give at least one category a budget",
  }),
  /** The most dots one person may put on one card. */
  capPerCard: Count,
  /** Only these lanes and stages (empty: all of them). */
  laneIds: z.array(Id).max(200),
  stageIds: z.array(Id).max(200),
  /** Only the cards that received dots in this earlier, revealed round (its top `top` cards when set). */
  fromRound: z.strictObject({ roundId: Id, top: Count.nullable() }).nullable(),
  /** Blind: no one sees a tally before the reveal. Open: totals are shown as they come. */
  blind: z.boolean(),
  /** Seconds until the round closes by itself, or null for no countdown. */
  durationSeconds: z
    .number()
    .int()
    .min(10)
    .max(24 * 3600)
    .nullable(),
});
export type RoundRules = z.infer<typeof RoundRules>;

/** What clients send. `requestId` makes a resent vote (after a reconnect) count once. */
export const VoteCommand = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("vote.hello"),
    /**
     * A secret the browser keeps for voting alone: whoever knows it votes as
     * this person and sees their dots, so it is never shown to anyone (unlike
     * the identity id that ratings carry). The server keys ballots by its hash.
     */
    voterKey: z.string().min(16).max(128),
    name: z.string().max(LIMITS.displayName),
    department: z.string().max(LIMITS.department),
  }),
  z.strictObject({ type: z.literal("round.start"), rules: RoundRules }),
  z.strictObject({ type: z.literal("round.close"), roundId: Id }),
  z.strictObject({ type: z.literal("round.reveal"), roundId: Id }),
  z.strictObject({ type: z.literal("vote.add"), roundId: Id, cardId: Id, requestId: Id }),
  z.strictObject({ type: z.literal("vote.remove"), roundId: Id, cardId: Id, requestId: Id }),
]);
export type VoteCommand = z.infer<typeof VoteCommand>;

export const VOTE_REFUSALS = {
  /** Not valid JSON or not a known command with valid fields. */
  malformed: "malformed",
  /** This role may not do that (viewers never vote; only the facilitator runs rounds). */
  forbidden: "forbidden",
  /** Say who you are (`vote.hello`) before voting. */
  notIdentified: "not-identified",
  noSuchRound: "no-such-round",
  /** The round is not open (closed, revealed) or its time is up. */
  notOpen: "not-open",
  /** Another round is still open. */
  roundOpen: "round-open",
  /** The round must be closed before it is revealed. */
  notClosed: "not-closed",
  noSuchCard: "no-such-card",
  /** The card is not among what this round votes on. */
  notEligible: "not-eligible",
  /** No dots left in this card's category. */
  budget: "budget",
  /** This person already put the most dots allowed on this card. */
  cap: "cap",
  /** Removing a dot that is not there. */
  noDot: "no-dot",
} as const;
export type VoteRefusal = (typeof VOTE_REFUSALS)[keyof typeof VOTE_REFUSALS];

/** A voter's own dots in a round and what is left per category: sent to that voter alone. */
export interface MyDots {
  type: "vote.mine";
  roundId: string;
  dots: Record<string, number>;
  left: Partial<Record<VoteCategory, number>>;
  /** The command this answers, if any. */
  requestId: string | null;
}

/** Who still has dots, not where they went: sent to facilitators alone. */
export interface RoundProgress {
  type: "round.progress";
  roundId: string;
  people: Array<{ participantId: string; name: string; department: string; used: number; budget: number }>;
}

/** What the server tells one person about voting; refusals are `CommandRefused` (`commands.ts`). */
export type VoteMessage = MyDots | RoundProgress;

/** A card's total in a revealed round (or live in an open one). */
export interface CardTally {
  cardId: string;
  category: VoteCategory;
  dots: number;
  byDepartment: Record<string, number>;
  /** 1 for the most dots in its category; cards with equal dots share a rank. */
  rank: number;
}

export type RoundStatus = "open" | "closed" | "revealed";

/**
 * A round as the workshop document holds it (root `rounds`, keyed by id;
 * each value a plain object replaced whole by the server).
 */
export interface RoundRecord {
  id: string;
  rules: RoundRules;
  status: RoundStatus;
  openedAt: number;
  /** When the countdown ends, or null. */
  endsAt: number | null;
  closedAt: number | null;
  revealedAt: number | null;
  /** Totals by card, best first: after the reveal, or live in an open round. */
  tallies: CardTally[] | null;
  voters: number | null;
}

export const WORKSHOP_ROUNDS = "rounds";

/**
 * Whether a round votes on a card of this category in this lane and stage:
 * the rule the server applies to every dot, and the one the card panel
 * mirrors. `earlier` is what the round draws on (`fromRound`): that round's
 * tallies, undefined when it has none.
 */
export function roundVotesOn(
  rules: RoundRules,
  card: { laneId: string; stageId: string; id: string },
  category: VoteCategory,
  earlier: readonly CardTally[] | undefined,
): boolean {
  if (rules.budgets[category] === undefined) return false;
  if (rules.laneIds.length > 0 && !rules.laneIds.includes(card.laneId)) return false;
  if (rules.stageIds.length > 0 && !rules.stageIds.includes(card.stageId)) return false;
  if (!rules.fromRound) return true;
  const kept = rules.fromRound.top === null ? (earlier ?? []) : (earlier ?? []).slice(0, rules.fromRound.top);
  return kept.some((t) => t.cardId === card.id);
}
