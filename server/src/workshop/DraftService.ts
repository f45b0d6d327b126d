import { AFTER_REVEAL, COMMAND_REFUSALS, isDrafting, mayMoveTo, type Phase } from "@journeyboard/shared";
import type { PhaseService } from "./PhaseService";
import { Refused } from "./Refused";

/**
 * Private drafting (shared `protocol/drafts.ts`). The server holds no
 * draft: they stay on their authors' devices. What it decides is the
 * phase: `drafts.reveal` (the facilitator's, by the policy) ends the
 * drafting phase, which every client takes as the reveal, and no change of
 * phase leaves it for one where participants could not publish their
 * drafts as cards.
 */
export class DraftService {
  constructor(private readonly phases: PhaseService) {}

  async reveal(boardId: string): Promise<void> {
    if (!isDrafting(await this.phases.phaseOf(boardId))) throw new Refused(COMMAND_REFUSALS.notDrafting);
    await this.phases.set(boardId, AFTER_REVEAL);
  }

  /** `phase.set`, refused when it would leave the drafting phase for one where the drafts could not be published. */
  async setPhase(boardId: string, phase: Phase): Promise<void> {
    if (!mayMoveTo(await this.phases.phaseOf(boardId), phase)) throw new Refused(COMMAND_REFUSALS.draftsUnrevealed);
    await this.phases.set(boardId, phase);
  }
}
