import type { ActionRecord, CardTally } from "@journeyboard/shared";

/** What "add the top N to the action plan" adds, and what it tells the facilitator about it. */
export interface Promotion {
  /** The cards to turn into actions, best first. */
  add: CardTally[];
  /** Cards past the N-th that tie with it: added too, since cutting a tie would pick among equals without a word. */
  tied: number;
  /** Cards among those that an action already addresses (promoted from an earlier round): not added twice. */
  planned: number;
}

/** The top `top` tallies (best first, as a revealed round ranks them), with their ties, less the cards already planned. */
export function promotionOf(tallies: readonly CardTally[], top: number, actions: readonly ActionRecord[]): Promotion {
  const n = Math.min(top, tallies.length);
  if (n <= 0) return { add: [], tied: 0, planned: 0 };
  const cut = tallies[n - 1]!.dots;
  const chosen = tallies.filter((tally, i) => i < n || tally.dots === cut);
  const planned = new Set(actions.flatMap((action) => action.cardIds));
  const add = chosen.filter((tally) => !planned.has(tally.cardId));
  return { add, tied: chosen.length - n, planned: chosen.length - add.length };
}
