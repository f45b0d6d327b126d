import type { VotingModel } from "./VotingModel";

/** What a card shows of the voting: this person's own dots now, and the total once it may be seen. */
export interface CardDots {
  mine: number;
  /** Null while the round is blind. */
  total: number | null;
  /** Among the most voted of its category in the latest revealed round. */
  winner: boolean;
}

export const NO_DOTS: ReadonlyMap<string, CardDots> = new Map();

/** The dots each card shows: the open round's, else the latest revealed round's results. */
export function cardDotsOf(voting: VotingModel): ReadonlyMap<string, CardDots> {
  const open = voting.openRound();
  const shown = new Map<string, CardDots>();
  if (open) {
    const mine = voting.myDots(open.id)?.dots ?? {};
    for (const [cardId, dots] of Object.entries(mine)) shown.set(cardId, { mine: dots, total: null, winner: false });
    for (const tally of open.tallies ?? []) {
      shown.set(tally.cardId, { mine: mine[tally.cardId] ?? 0, total: tally.dots, winner: false });
    }
    return shown;
  }
  const revealed = voting.allRounds().findLast((r) => r.status === "revealed");
  for (const tally of revealed?.tallies ?? []) {
    shown.set(tally.cardId, { mine: 0, total: tally.dots, winner: tally.rank === 1 });
  }
  return shown;
}
