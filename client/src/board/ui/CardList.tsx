import { memo } from "react";
import { useTranslation } from "react-i18next";
import { cellKey, type CardRecord, type JourneyGrid, type LaneRecord, type StageRecord } from "@journeyboard/shared";
import { useDepartmentLabel } from "../../identity/useDepartmentLabel";
import type { GridLabels } from "../canvas/GridLayer";
import type { BoardModel } from "../state/BoardModel";

/**
 * The cards of the canvas as text, for screen readers (a canvas says
 * nothing to them): one list per stage, each card with its lane, and a
 * merged card with how many cards it stands for (the canvas's badge), a
 * card in a cluster with the cluster's name (the canvas's heading). A
 * stage whose cards did not change is not rendered again.
 */
export function CardList({
  grid,
  model,
  labels,
  selection,
}: {
  grid: JourneyGrid;
  model: BoardModel;
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
        <StageCards
          key={stage.id}
          stage={stage}
          lanes={grid.lanes}
          cells={grid.lanes.map((lane) => grid.cells.get(cellKey(stage.id, lane.id)))}
          merged={grid.lanes.map((lane) => model.mergedIn(cellKey(stage.id, lane.id)))}
          labels={labels}
          selection={selection}
        />
      ))}
    </section>
  );
}

interface StageProps {
  stage: StageRecord;
  lanes: LaneRecord[];
  /** The cards of each lane's cell in this stage. */
  cells: Array<CardRecord[] | undefined>;
  /** How many cards each merged card of each lane's cell stands for. */
  merged: Array<ReadonlyMap<string, number>>;
  labels: GridLabels;
  selection: ReadonlySet<string>;
}

const StageCards = memo(
  function StageCards({ stage, lanes, cells, merged, labels, selection }: StageProps) {
    const { t } = useTranslation();
    const departmentLabel = useDepartmentLabel();
    return (
      <section aria-label={labels.stage(stage.id)}>
        <h2>{labels.stage(stage.id)}</h2>
        <ul>
          {lanes.flatMap((lane, i) =>
            (cells[i] ?? []).map((card) => {
              const text = card.text || t("board.emptyCard");
              const item = card.authorDepartment
                ? t("board.cardListItemBy", {
                    lane: labels.lane(lane.id),
                    department: departmentLabel(card.authorDepartment),
                    text,
                  })
                : t("board.cardListItem", { lane: labels.lane(lane.id), text });
              const count = merged[i]?.get(card.id);
              const clustered = (said: string) =>
                card.cluster ? t("board.cardListClustered", { item: said, cluster: card.cluster }) : said;
              return (
                <li
                  key={card.id}
                  data-card-id={card.id}
                  data-stage={labels.stage(stage.id)}
                  data-lane={labels.lane(lane.id)}
                  data-selected={selection.has(card.id) || undefined}
                  data-merged={count}
                  dir="auto"
                >
                  {clustered(
                    count ? t("board.cardListMerged", { item, merged: t("card.mergedLabel", { count }) }) : item,
                  )}
                </li>
              );
            }),
          )}
        </ul>
      </section>
    );
  },
  (a, b) =>
    a.stage === b.stage &&
    a.lanes === b.lanes &&
    a.labels === b.labels &&
    a.cells.every((cell, i) => cell === b.cells[i]) &&
    a.merged.every((counts, i) => counts === b.merged[i]) &&
    a.cells.every((cell) => (cell ?? []).every((card) => a.selection.has(card.id) === b.selection.has(card.id))),
);
