import { othersCardsFrom, type OthersCards, type OthersCardsCommand } from "@journeyboard/shared";
import type { CardRightsStore } from "./CardRightsStore";
import type { WorkshopWriter } from "./WorkshopWriter";

/**
 * Whose cards participants may change: `cards.others` (the facilitator's
 * and co-facilitators', by the policy) is stored, published in the board's
 * workshop document and, from then on, decides whether a participant's
 * update may change a card someone else wrote (checkUpdate).
 */
export class CardRightsService {
  constructor(
    private readonly store: CardRightsStore,
    private readonly writer: WorkshopWriter,
    private readonly now: () => number,
  ) {}

  othersCardsOf = async (boardId: string): Promise<OthersCards> =>
    othersCardsFrom(await this.store.othersCardsOf(boardId));

  async set(boardId: string, { phase, allowed }: OthersCardsCommand): Promise<void> {
    await this.store.set(boardId, phase, allowed, this.now());
    void this.writer.publish(boardId, { othersCards: await this.othersCardsOf(boardId) });
  }
}
