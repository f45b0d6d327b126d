import {
  cellKey,
  type JourneyGrid,
  type LaneRecord,
  type StageRecord,
  type TimelineDirection,
} from "@journeyboard/shared";

/** Sizes of the journey grid on the canvas, in world units (pixels at zoom 1). */
export const GRID = {
  laneHeaderWidth: 190,
  stageHeaderHeight: 56,
  cellWidth: 236,
  cellPadding: 14,
  cardWidth: 208,
  cardHeight: 92,
  cardGap: 10,
} as const;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface JourneyLayout {
  width: number;
  height: number;
  /** Where the lane headers sit: the side the timeline starts from. */
  laneHeaderX: number;
  columns: Array<{ stage: StageRecord; x: number }>;
  rows: Array<{ lane: LaneRecord; y: number; height: number }>;
  cards: Map<string, Rect>;
}

const rowHeight = (cardCount: number) =>
  GRID.cellPadding * 2 + Math.max(1, cardCount) * GRID.cardHeight + Math.max(0, cardCount - 1) * GRID.cardGap;

/**
 * Places stages as columns and lanes as rows; each cell stacks its cards.
 * A lane is as tall as its fullest cell. With a right-to-left timeline the
 * first stage is the rightmost column and lane headers sit on the right.
 */
export function layoutJourney(grid: JourneyGrid, direction: TimelineDirection): JourneyLayout {
  const stageCount = grid.stages.length;
  const width = GRID.laneHeaderWidth + stageCount * GRID.cellWidth;
  const firstCellX = direction === "ltr" ? GRID.laneHeaderWidth : 0;
  const columns = grid.stages.map((stage, i) => ({
    stage,
    x: firstCellX + (direction === "ltr" ? i : stageCount - 1 - i) * GRID.cellWidth,
  }));
  const rows: JourneyLayout["rows"] = [];
  const cards = new Map<string, Rect>();
  let y = GRID.stageHeaderHeight;
  for (const lane of grid.lanes) {
    let fullest = 0;
    for (const { stage } of columns)
      fullest = Math.max(fullest, grid.cells.get(cellKey(stage.id, lane.id))?.length ?? 0);
    const height = rowHeight(fullest);
    for (const { stage, x } of columns) {
      grid.cells.get(cellKey(stage.id, lane.id))?.forEach((card, i) => {
        cards.set(card.id, {
          x: x + (GRID.cellWidth - GRID.cardWidth) / 2,
          y: y + GRID.cellPadding + i * (GRID.cardHeight + GRID.cardGap),
          width: GRID.cardWidth,
          height: GRID.cardHeight,
        });
      });
    }
    rows.push({ lane, y, height });
    y += height;
  }
  return { width, height: y, laneHeaderX: direction === "ltr" ? 0 : stageCount * GRID.cellWidth, columns, rows, cards };
}

export interface CellHit {
  stageId: string;
  laneId: string;
  /** Where a card dropped at this point goes among the cell's cards. */
  index: number;
}

/** The cell under a world point, if any. */
export function cellAt(layout: JourneyLayout, grid: JourneyGrid, x: number, y: number): CellHit | null {
  const column = layout.columns.find((c) => x >= c.x && x < c.x + GRID.cellWidth);
  const row = layout.rows.find((r) => y >= r.y && y < r.y + r.height);
  if (!column || !row) return null;
  const slot = Math.floor((y - row.y - GRID.cellPadding + GRID.cardGap / 2) / (GRID.cardHeight + GRID.cardGap) + 0.5);
  const count = grid.cells.get(cellKey(column.stage.id, row.lane.id))?.length ?? 0;
  return { stageId: column.stage.id, laneId: row.lane.id, index: Math.max(0, Math.min(slot, count)) };
}

/** Where a card typed into `cell` at its index will appear. */
export function slotBox(layout: JourneyLayout, cell: CellHit): Rect | null {
  const column = layout.columns.find((c) => c.stage.id === cell.stageId);
  const row = layout.rows.find((r) => r.lane.id === cell.laneId);
  if (!column || !row) return null;
  return {
    x: column.x + (GRID.cellWidth - GRID.cardWidth) / 2,
    y: row.y + GRID.cellPadding + cell.index * (GRID.cardHeight + GRID.cardGap),
    width: GRID.cardWidth,
    height: GRID.cardHeight,
  };
}
