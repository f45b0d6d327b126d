import { useTranslation } from "react-i18next";
import type { JourneyGrid } from "@journeyboard/shared";
import type { GridLabels } from "../canvas/GridLayer";
import type { Focus } from "../state/navigation";

/**
 * Says where the keyboard is on the canvas, for screen readers (a canvas
 * says nothing to them): the card, its lane and stage and its place in the
 * cell, or the empty cell.
 */
export function FocusAnnouncer({
  grid,
  labels,
  focus,
}: {
  grid: JourneyGrid;
  labels: GridLabels;
  focus: Focus | null;
}) {
  const { t } = useTranslation();
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="board.focusAnnouncement">
      {focus ? describe(focus) : ""}
    </p>
  );

  function describe(focus: Focus): string {
    if ("cell" in focus)
      return t("board.focusCell", { lane: labels.lane(focus.cell.laneId), stage: labels.stage(focus.cell.stageId) });
    for (const cards of grid.cells.values()) {
      const index = cards.findIndex((card) => card.id === focus.card);
      if (index < 0) continue;
      const card = cards[index]!;
      return t("board.focusCard", {
        text: card.text || t("board.emptyCard"),
        lane: labels.lane(card.laneId),
        stage: labels.stage(card.stageId),
        position: index + 1,
        total: cards.length,
      });
    }
    return "";
  }
}
