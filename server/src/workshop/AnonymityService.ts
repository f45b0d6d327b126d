import type { AnonymousCommand } from "@journeyboard/shared";
import type { AnonymityStore } from "./AnonymityStore";
import type { WorkshopWriter } from "./WorkshopWriter";

/**
 * Anonymous boards: `board.anonymous` (the facilitator's and
 * co-facilitators', by the policy) is stored, published in the board's
 * workshop document and, from then on, keeps names out of what the server
 * takes and sends: cards (checkUpdate), presence (stampPresence), vote
 * progress and exports.
 */
export class AnonymityService {
  constructor(
    private readonly store: AnonymityStore,
    private readonly writer: WorkshopWriter,
    private readonly now: () => number,
  ) {}

  anonymousOf = (boardId: string): Promise<boolean> => this.store.anonymousOf(boardId);

  async set(boardId: string, { anonymous }: AnonymousCommand): Promise<void> {
    await this.store.set(boardId, anonymous, this.now());
    void this.writer.publish(boardId, { anonymous: await this.anonymousOf(boardId) });
  }
}
