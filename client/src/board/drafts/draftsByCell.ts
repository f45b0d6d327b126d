import { cellKey, type PrivateDraft } from "@journeyboard/shared";

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
