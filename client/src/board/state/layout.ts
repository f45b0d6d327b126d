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
  collapsedStageWidth: 44,
  collapsedLaneHeight: 40,
  /** Height of the band where the emotion curve is drawn, above the emotion lane's cards. */
  curveHeight: 120,
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
  columns: Array<{ stage: StageRecord; x: number; width: number }>;
  /** `curve`: the band of an emotion lane where the curve is drawn (its cards sit below it). */
  rows: Array<{ lane: LaneRecord; y: number; height: number; curve: { y: number; height: number } | null }>;
  cards: Map<string, Rect>;
}

const stackHeight = (cardCount: number) =>
  GRID.cellPadding * 2 + Math.max(1, cardCount) * GRID.cardHeight + Math.max(0, cardCount - 1) * GRID.cardGap;

const columnWidth = (stage: StageRecord) =>
  stage.collapsed ? GRID.collapsedStageWidth : (stage.width ?? GRID.cellWidth);

/**
 * Places stages as columns and lanes as rows; each cell stacks its cards.
 * A lane is as tall as its fullest cell (an emotion lane also holds the
 * curve band). Collapsed stages and lanes shrink and hide their cards. With
 * a right-to-left timeline the first stage is the rightmost column and lane
 * headers sit on the right.
 */
export function layoutJourney(grid: JourneyGrid, direction: TimelineDirection): JourneyLayout {
  const widths = grid.stages.map(columnWidth);
  const cellsWidth = widths.reduce((a, b) => a + b, 0);
  const width = GRID.laneHeaderWidth + cellsWidth;
  const columns: JourneyLayout["columns"] = [];
  let x = direction === "ltr" ? GRID.laneHeaderWidth : cellsWidth;
  grid.stages.forEach((stage, i) => {
    const w = widths[i]!;
    if (direction === "rtl") x -= w;
    columns.push({ stage, x, width: w });
    if (direction === "ltr") x += w;
  });
  const rows: JourneyLayout["rows"] = [];
  const cards = new Map<string, Rect>();
  let y = GRID.stageHeaderHeight;
  for (const lane of grid.lanes) {
    if (lane.collapsed) {
      rows.push({ lane, y, height: GRID.collapsedLaneHeight, curve: null });
      y += GRID.collapsedLaneHeight;
      continue;
    }
    const curve = lane.kind === "emotions" ? { y, height: GRID.curveHeight } : null;
    const top = y + (curve?.height ?? 0);
    let fullest = 0;
    for (const { stage } of columns) {
      if (!stage.collapsed) fullest = Math.max(fullest, grid.cells.get(cellKey(stage.id, lane.id))?.length ?? 0);
    }
    const height = (curve?.height ?? 0) + stackHeight(fullest);
    for (const column of columns) {
      if (column.stage.collapsed) continue;
      const cardWidth = Math.min(GRID.cardWidth, column.width - GRID.cellPadding * 2);
      grid.cells.get(cellKey(column.stage.id, lane.id))?.forEach((card, i) => {
        cards.set(card.id, {
          x: column.x + (column.width - cardWidth) / 2,
          y: top + GRID.cellPadding + i * (GRID.cardHeight + GRID.cardGap),
          width: cardWidth,
          height: GRID.cardHeight,
        });
      });
    }
    rows.push({ lane, y, height, curve });
    y += height;
  }
  return { width, height: y, laneHeaderX: direction === "ltr" ? 0 : cellsWidth, columns, rows, cards };
}

/** The cards whose boxes the box touches. */
export function cardsInBox(layout: JourneyLayout, box: Rect): string[] {
  const ids: string[] = [];
  for (const [id, card] of layout.cards) {
    const touches =
      card.x < box.x + box.width &&
      box.x < card.x + card.width &&
      card.y < box.y + box.height &&
      box.y < card.y + card.height;
    if (touches) ids.push(id);
  }
  return ids;
}

export interface CellHit {
  stageId: string;
  laneId: string;
  /** Where a card dropped at this point goes among the cell's cards. */
  index: number;
}

/** The cell under a world point, if any. */
export function cellAt(layout: JourneyLayout, grid: JourneyGrid, x: number, y: number): CellHit | null {
  const column = layout.columns.find((c) => x >= c.x && x < c.x + c.width);
  const row = layout.rows.find((r) => y >= r.y && y < r.y + r.height);
  if (!column || !row || column.stage.collapsed || row.lane.collapsed) return null;
  const top = row.y + (row.curve?.height ?? 0);
  const slot = Math.floor((y - top - GRID.cellPadding + GRID.cardGap / 2) / (GRID.cardHeight + GRID.cardGap) + 0.5);
  const count = grid.cells.get(cellKey(column.stage.id, row.lane.id))?.length ?? 0;
  return { stageId: column.stage.id, laneId: row.lane.id, index: Math.max(0, Math.min(slot, count)) };
}

/** Where a card typed into `cell` at its index will appear. */
export function slotBox(layout: JourneyLayout, cell: CellHit): Rect | null {
  const column = layout.columns.find((c) => c.stage.id === cell.stageId);
  const row = layout.rows.find((r) => r.lane.id === cell.laneId);
  if (!column || !row || column.stage.collapsed || row.lane.collapsed) return null;
  const cardWidth = Math.min(GRID.cardWidth, column.width - GRID.cellPadding * 2);
  return {
    x: column.x + (column.width - cardWidth) / 2,
    y: row.y + (row.curve?.height ?? 0) + GRID.cellPadding + cell.index * (GRID.cardHeight + GRID.cardGap),
    width: cardWidth,
    height: GRID.cardHeight,
  };
}
