import { z } from "zod";
import { LANE_KINDS } from "../model/laneKinds";
import { LIMITS } from "../model/limits";
import { PHASES, type Phase } from "../protocol/phases";
import { RoundRules, type RoundRecord } from "../protocol/voting";

const Id = z.string().min(1).max(64);
const Count = z.number().int().nonnegative();
const Time = z.number().int().nonnegative();

const CardTally = z.strictObject({
  cardId: Id,
  category: z.enum(LANE_KINDS),
  dots: Count,
  byDepartment: z.record(z.string().max(LIMITS.department), Count),
  rank: z.number().int().min(1),
});

/** A revealed round as the server stores it: its rules and results, never its ballots. */
const RevealedRound = z.strictObject({
  id: Id,
  rules: RoundRules,
  status: z.literal("revealed"),
  openedAt: Time,
  endsAt: Time.nullable(),
  closedAt: Time,
  revealedAt: Time,
  tallies: z.array(CardTally).max(LIMITS.boardRecords),
  voters: Count,
});

/** The most rounds a board file may hold. */
export const MAX_ROUNDS = 1000;

/**
 * What `board.json` carries of the workshop besides the board document: the
 * phase the facilitator set and every revealed voting round with its totals,
 * oldest first (so an imported board keeps its voting history and its
 * `votes.csv`). Rounds not yet revealed are left out: their results would
 * need the ballots, which never leave the server.
 */
export const BoardWorkshop = z.strictObject({
  phase: z.enum(PHASES),
  rounds: z
    .array(RevealedRound)
    .max(MAX_ROUNDS)
    .refine((rounds) => new Set(rounds.map((round) => round.id)).size === rounds.length, {
      message: "two rounds have the same id",
    }),
});
export type BoardWorkshop = z.infer<typeof BoardWorkshop>;
type RevealedRound = BoardWorkshop["rounds"][number];

const revealed = (round: RoundRecord): round is RoundRecord & RevealedRound => round.status === "revealed";

/** A value with the keys of every object in it sorted, so the same content always gives the same bytes. */
const sortedDeep = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortedDeep)
    : typeof value === "object" && value !== null
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([key, child]) => [key, sortedDeep(child)]),
        )
      : value;

/**
 * The workshop part of a board's file, from its phase and its stored rounds
 * (oldest first), every object's keys sorted: a round stored from an import
 * exports to the same bytes as the one it came from.
 */
export const boardWorkshop = (phase: Phase, rounds: readonly RoundRecord[]): BoardWorkshop =>
  sortedDeep({ phase, rounds: rounds.filter(revealed) }) as BoardWorkshop;
