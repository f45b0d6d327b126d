import type * as Y from "yjs";
import type { CardRecord } from "../schema/card";
import { readAll, recordsOf } from "../schema/layout";
import { readJourneyGrid } from "./grid";
import { mergeRootIn } from "./merges";
import type { CardTally } from "../protocol/voting";

export interface IrritantCoverage {
  card: CardRecord;
  /** Cards of target journeys that address it. */
  addressedBy: string[];
  /** Actions of the plan that address it. */
  actions: string[];
}

/**
 * For each irritant and breakdown of a current journey, what addresses it:
 * cards of the target journeys drawn from it, and actions of the plan.
 * What addresses a card merged into another addresses the merged card.
 */
export function irritantCoverage(doc: Y.Doc, currentJourneyId: string): IrritantCoverage[] {
  const grid = readJourneyGrid(doc, currentJourneyId);
  const painLanes = grid.lanes.filter((l) => l.kind === "irritants" || l.kind === "breakdowns");
  const targets = new Set(
    readAll(doc, "journeys")
      .filter((j) => j.twinOf === currentJourneyId)
      .map((j) => j.id),
  );
  const liveTargetCards = new Set<string>();
  for (const target of targets)
    for (const list of readJourneyGrid(doc, target).cells.values()) list.forEach((c) => liveTargetCards.add(c.id));
  const cards = recordsOf(doc, "cards");
  const addressers = new Map<string, string[]>();
  for (const link of readAll(doc, "links")) {
    if (link.kind !== "addresses" || !liveTargetCards.has(link.fromCardId)) continue;
    const to = mergeRootIn(cards, link.toCardId);
    addressers.set(to, [...new Set([...(addressers.get(to) ?? []), link.fromCardId])]);
  }
  const byActions = new Map<string, string[]>();
  for (const action of readAll(doc, "actions")) {
    for (const cardId of new Set(action.cardIds.map((id) => mergeRootIn(cards, id)))) {
      byActions.set(cardId, [...(byActions.get(cardId) ?? []), action.id]);
    }
  }
  const out: IrritantCoverage[] = [];
  for (const stage of grid.stages) {
    for (const lane of painLanes) {
      for (const card of grid.cells.get(`${stage.id}\u0000${lane.id}`) ?? []) {
        out.push({ card, addressedBy: addressers.get(card.id) ?? [], actions: byActions.get(card.id) ?? [] });
      }
    }
  }
  return out;
}

/** An irritant's coverage with the dots the group gave it, when it was voted on. */
export interface VotedCoverage extends IrritantCoverage {
  /** Its dots in the latest revealed round that voted on it, or null if no revealed round did. */
  dots: number | null;
}

/**
 * The irritants in the order a workshop works through them: the voted ones
 * first, most dots first, then the rest in map order. `revealedTallies` are
 * the totals of the revealed rounds, oldest first, so a run-off's count
 * replaces the first round's.
 */
export function votedFirst(
  coverage: readonly IrritantCoverage[],
  revealedTallies: ReadonlyArray<readonly CardTally[]>,
): VotedCoverage[] {
  const dots = new Map<string, number>();
  for (const tallies of revealedTallies) for (const tally of tallies) dots.set(tally.cardId, tally.dots);
  const voted = coverage.map((item) => ({ ...item, dots: dots.get(item.card.id) ?? null }));
  // Array sort is stable: equal dots, and the unvoted, keep map order.
  return voted.sort((a, b) => (b.dots ?? -1) - (a.dots ?? -1));
}
