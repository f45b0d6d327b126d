import type * as Y from "yjs";
import type { CardRecord } from "../schema/card";
import { readAll } from "../schema/layout";
import { readJourneyGrid } from "./grid";

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
  const addressers = new Map<string, string[]>();
  for (const link of readAll(doc, "links")) {
    if (link.kind !== "addresses" || !liveTargetCards.has(link.fromCardId)) continue;
    addressers.set(link.toCardId, [...(addressers.get(link.toCardId) ?? []), link.fromCardId]);
  }
  const byActions = new Map<string, string[]>();
  for (const action of readAll(doc, "actions"))
    for (const cardId of action.cardIds) byActions.set(cardId, [...(byActions.get(cardId) ?? []), action.id]);
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
