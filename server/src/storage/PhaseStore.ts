import { DEFAULT_PHASE, PHASES, type Phase } from "@journeyboard/shared";

/**
 * Each board's workshop phase. Read on every update, from the store every
 * time (a primary-key read): a copy kept in this process would go stale
 * once another instance changes the phase.
 */
export interface PhaseStore {
  /** The stored phase, or the default one. */
  phaseOf(boardId: string): Promise<Phase>;
  setPhase(boardId: string, phase: Phase, at: number): Promise<void>;
}

/** A stored phase, or the default for a board without one (or with one this version does not know). */
export const phaseFrom = (stored: string | undefined): Phase =>
  (PHASES as readonly string[]).includes(stored ?? "") ? (stored as Phase) : DEFAULT_PHASE;
