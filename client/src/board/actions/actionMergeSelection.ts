import { cellKey } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import type { Action } from "./types";

/** The selected cards in their cell's order, when they are two or more of one cell; null otherwise. */
function mergeable(c: BoardController): string[] | null {
  const cards = [...c.getUi().selection].map((id) => c.model.record("cards", id));
  if (cards.length < 2 || cards.some((card) => !card)) return null;
  const cells = new Set(cards.map((card) => cellKey(card!.stageId, card!.laneId)));
  if (cells.size > 1) return null;
  return cards
    .map((card) => card!)
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1))
    .map((card) => card.id);
}

/** Merges the selected cards (those who run the workshop) into the first of them in their cell. */
export const actionMergeSelection: Action = {
  id: "mergeSelection",
  labelKey: "actions.mergeSelection",
  shortcuts: [],
  enabled: (c) => c.permissions.runsWorkshop && c.getUi().selection.size > 1 && !c.isTyping(),
  refusal: (c) => (c.getUi().selection.size > 1 && mergeable(c) === null ? "merge.oneCell" : null),
  run: (c) => {
    const ids = mergeable(c);
    if (!ids) return;
    const [into, ...rest] = ids as [string, ...string[]];
    c.commands.mergeCards(into, rest);
    c.select(into, false);
  },
};
