import { useTranslation } from "react-i18next";
import type { JourneyGrid } from "@journeyboard/shared";
import type { GridLabels } from "../canvas/GridLayer";
import type { Notice } from "../BoardController";
import type { Focus } from "../state/navigation";

/**
 * Says where the keyboard is on the canvas, for screen readers (a canvas
 * says nothing to them): the card, its lane and stage and its place in the
 * cell, or the empty cell; while several cards are chosen, whether this
 * one is among them. A change made from the keyboard that shows only on the
 * canvas (a card joining the selection, a stage's new width) is said here too.
 */
export function FocusAnnouncer({
  grid,
  labels,
  focus,
  selection,
  announcement,
}: {
  grid: JourneyGrid;
  labels: GridLabels;
  focus: Focus | null;
  selection: ReadonlySet<string>;
  announcement: Notice | null;
}) {
  const { t } = useTranslation();
  const said = announcement ? t(announcement.key, announcement.values) : "";
  const where = focus ? describe(focus) : "";
  const among =
    focus && "card" in focus && (selection.size > 1 || !selection.has(focus.card))
      ? t(selection.has(focus.card) ? "board.focusSelected" : "board.focusNotSelected", { number: selection.size })
      : "";
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="board.focusAnnouncement">
      {[said, where, among].filter(Boolean).join(" ")}
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
