import type { ClipboardCards } from "@journeyboard/shared";

/**
 * Where pasted cards go as drafts: each in the cell its offsets name from
 * `cell`, the journey's last stage or lane where the grid runs out (as a
 * paste onto the board does), with its text (a draft has no other content).
 */
export function pastedCells(
  grid: { stages: readonly { id: string }[]; lanes: readonly { id: string }[] },
  cell: { stageId: string; laneId: string },
  cards: ClipboardCards,
): { stageId: string; laneId: string; text: string }[] {
  const at = (list: readonly { id: string }[], id: string, offset: number) =>
    list[
      Math.min(
        Math.max(
          list.findIndex((item) => item.id === id),
          0,
        ) + offset,
        list.length - 1,
      )
    ]!.id;
  return cards.cards.map((card) => ({
    stageId: at(grid.stages, cell.stageId, card.stageOffset),
    laneId: at(grid.lanes, cell.laneId, card.laneOffset),
    text: card.text,
  }));
}
