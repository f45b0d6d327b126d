import type { RoundRecord, VoteCategory } from "@journeyboard/shared";

/** One voter's dots on one card. */
export interface DotRow {
  participantId: string;
  department: string;
  cardId: string;
  category: VoteCategory;
  dots: number;
}

export interface DotChange {
  boardId: string;
  roundId: string;
  participantId: string;
  department: string;
  cardId: string;
  category: VoteCategory;
  /** A resent command with the same id changes nothing the second time. */
  requestId: string;
}

export type DotResult = "added" | "removed" | "repeated" | "budget" | "cap" | "no-dot";

/**
 * Rounds and ballots, held by the server only. Each change is one
 * transaction that checks the budget and the cap against what is stored, so
 * no sequence of commands, however concurrent or repeated (and from however
 * many processes), exceeds them.
 */
export interface VoteStore {
  rounds(boardId: string): Promise<RoundRecord[]>;
  round(boardId: string, roundId: string): Promise<RoundRecord | null>;
  /** Inserts a new round or replaces a stored one. */
  saveRound(boardId: string, round: RoundRecord): Promise<void>;
  addDot(change: DotChange, limits: { budget: number; cap: number }): Promise<DotResult>;
  removeDot(change: DotChange): Promise<DotResult>;
  /** Every voter's dots in a round: ballots, for the server's own use. */
  dots(boardId: string, roundId: string): Promise<DotRow[]>;
  /** One voter's dots in a round. */
  dotsOf(boardId: string, roundId: string, participantId: string): Promise<DotRow[]>;
}
