import { cellKey, type JourneyGrid, type PrivateDraft } from "@journeyboard/shared";
import { draftSlotRect, type JourneyLayout, type Rect } from "../state/layout";
import { shapeOf } from "../state/cellShape";

/** No drafts: a board without a draft desk (the canvas benchmark) lays out as one whose shelf is empty. */
export const NO_DRAFTS: readonly PrivateDraft[] = [];

/** How many of `drafts` each cell (by key) of a journey holds, for the layout to make room for them. */
export function draftsByCell(drafts: readonly PrivateDraft[], journeyId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const draft of drafts) {
    if (draft.journeyId !== journeyId) continue;
    const key = cellKey(draft.stageId, draft.laneId);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Where each of `drafts` of a journey is drawn (by id): in the slots after
 * the cards of its cell, in the order they were written. A draft in a
 * collapsed stage or lane, or a cell no longer there, has no box.
 */
export function draftBoxes(
  layout: JourneyLayout,
  grid: JourneyGrid,
  drafts: readonly PrivateDraft[],
  journeyId: string,
): Map<string, Rect> {
  const columns = new Map(layout.columns.map((column) => [column.stage.id, column]));
  const rows = new Map(layout.rows.map((row) => [row.lane.id, row]));
  const placed = new Map<string, number>();
  const boxes = new Map<string, Rect>();
  for (const draft of drafts) {
    const column = columns.get(draft.stageId);
    const row = rows.get(draft.laneId);
    if (draft.journeyId !== journeyId || !column || !row || column.stage.collapsed || row.lane.collapsed) continue;
    const key = cellKey(draft.stageId, draft.laneId);
    const before = placed.get(key) ?? 0;
    placed.set(key, before + 1);
    const cards = grid.cells.get(key) ?? [];
    boxes.set(draft.id, draftSlotRect(column, row, cards.length, before, shapeOf(cards)));
  }
  return boxes;
}
