import { useTranslation } from "react-i18next";
import { cellKey, type JourneyGrid } from "@journeyboard/shared";
import type { GridLabels } from "../canvas/GridLayer";

/**
 * The cards of the canvas as text, for screen readers (a canvas says
 * nothing to them): one list per stage, each card with its lane.
 */
export function CardList({
  grid,
  labels,
  selection,
}: {
  grid: JourneyGrid;
  labels: GridLabels;
  selection: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  return (
    <section className="visually-hidden" aria-label={t("board.cardListLabel")} data-testid="board.cardList">
      <p aria-live="polite" data-testid="board.selectionCount">
        {selection.size ? t("board.selectedCount", { count: selection.size }) : ""}
      </p>
      {grid.stages.map((stage) => (
        <section key={stage.id} aria-label={labels.stage(stage.id)}>
          <h2>{labels.stage(stage.id)}</h2>
          <ul>
            {grid.lanes.flatMap((lane) =>
              (grid.cells.get(cellKey(stage.id, lane.id)) ?? []).map((card) => (
                <li
                  key={card.id}
                  data-card-id={card.id}
                  data-stage={labels.stage(stage.id)}
                  data-lane={labels.lane(lane.id)}
                  data-selected={selection.has(card.id) || undefined}
                  dir="auto"
                >
                  {t("board.cardListItem", { lane: labels.lane(lane.id), text: card.text || t("board.emptyCard") })}
                </li>
              )),
            )}
          </ul>
        </section>
      ))}
    </section>
  );
}
