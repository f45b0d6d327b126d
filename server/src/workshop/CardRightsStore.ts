import type { Phase } from "@journeyboard/shared";

/**
 * Each board's choice, per phase, of whether participants may change
 * others' cards (shared `cardRights.ts`): read from the store at every
 * update, never cached, so every instance enforces the same choice.
 */
export interface CardRightsStore {
  /** The phases the facilitator chose for, with their choice (the others keep the default). */
  othersCardsOf(boardId: string): Promise<Partial<Record<Phase, boolean>>>;
  set(boardId: string, phase: Phase, allowed: boolean, at: number): Promise<void>;
}
