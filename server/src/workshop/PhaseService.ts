import type { Phase } from "@journeyboard/shared";
import type { PhaseStore } from "../storage/PhaseStore";
import type { WorkshopWriter } from "./WorkshopWriter";

/**
 * The workshop phases: `phase.set` (the facilitator's, by the policy) is
 * stored, published in the board's workshop document and, from then on,
 * decides what participants' updates may change (checkUpdate). Each change
 * of phase keeps a snapshot in the board's history.
 */
export class PhaseService {
  constructor(
    private readonly store: PhaseStore,
    private readonly writer: WorkshopWriter,
    private readonly now: () => number,
    /** Runs after each change of phase (the board's history keeps a snapshot then). */
    private readonly afterChange: (boardId: string, phase: Phase) => void,
  ) {}

  phaseOf = (boardId: string): Promise<Phase> => this.store.phaseOf(boardId);

  async set(boardId: string, phase: Phase): Promise<void> {
    if ((await this.store.phaseOf(boardId)) === phase) return;
    await this.store.setPhase(boardId, phase, this.now());
    this.afterChange(boardId, phase);
    void this.writer.publish(boardId, { phase });
  }
}
