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
  /** Where a cell's next card goes, the strip that adds one (below the last card, or at the top of an empty cell). */
  addStrip: 30,
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

export type LayoutColumn = { stage: StageRecord; x: number; width: number };
/** `curve`: the band of an emotion lane where the curve is drawn (its cards sit below it). */
export type LayoutRow = { lane: LaneRecord; y: number; height: number; curve: { y: number; height: number } | null };

export interface JourneyLayout {
  width: number;
  height: number;
  /** Where the lane headers sit: the side the timeline starts from. */
  laneHeaderX: number;
  columns: LayoutColumn[];
  rows: LayoutRow[];
  /** Every shown card's box; worked out on first use, as most changes need only a few cells. */
  readonly cards: Map<string, Rect>;
}

const keys = new WeakMap<StageRecord, Map<string, string>>();

/** A cell's key, made once per stage record and lane: laying out a large board makes no new strings. */
export function keyOf(stage: StageRecord, lane: LaneRecord): string {
  let byLane = keys.get(stage);
  if (!byLane) keys.set(stage, (byLane = new Map()));
  let key = byLane.get(lane.id);
  if (key === undefined) byLane.set(lane.id, (key = cellKey(stage.id, lane.id)));
  return key;
}

const stackHeight = (cardCount: number) =>
  GRID.cellPadding * 2 +
  Math.max(1, cardCount) * GRID.cardHeight +
  Math.max(0, cardCount - 1) * GRID.cardGap +
  (cardCount > 0 ? GRID.cardGap + GRID.addStrip : 0);

const columnWidth = (stage: StageRecord) =>
  stage.collapsed ? GRID.collapsedStageWidth : (stage.width ?? GRID.cellWidth);

/** Where the card at `index` of a cell sits (the cell need not hold that many). */
export function slotRect(column: LayoutColumn, row: LayoutRow, index: number): Rect {
  const cardWidth = Math.min(GRID.cardWidth, column.width - GRID.cellPadding * 2);
  return {
    x: column.x + (column.width - cardWidth) / 2,
    y: row.y + (row.curve?.height ?? 0) + GRID.cellPadding + index * (GRID.cardHeight + GRID.cardGap),
    width: cardWidth,
    height: GRID.cardHeight,
  };
}

/**
 * Where a cell shows that a card can be added: a strip where its next card
 * would go. The rest of an empty cell stays background, where a drag selects.
 */
export function addSlotRect(column: LayoutColumn, row: LayoutRow, count: number): Rect {
  return { ...slotRect(column, row, count), height: GRID.addStrip };
}

/** The slots of a cell that overlap the band from `top` to `bottom` (world units): [first, end). */
export function slotsBetween(row: LayoutRow, count: number, top: number, bottom: number): [number, number] {
  const origin = row.y + (row.curve?.height ?? 0) + GRID.cellPadding;
  const pitch = GRID.cardHeight + GRID.cardGap;
  const first = Math.max(0, Math.floor((top - origin - GRID.cardHeight) / pitch) + 1);
  const end = Math.min(count, Math.ceil((bottom - origin) / pitch));
  return [first, Math.max(first, end)];
}

const sameColumns = (a: LayoutColumn[], b: LayoutColumn[]) =>
  a.length === b.length && a.every((c, i) => c.stage === b[i]!.stage && c.x === b[i]!.x && c.width === b[i]!.width);
const sameRows = (a: LayoutRow[], b: LayoutRow[]) =>
  a.length === b.length &&
  a.every(
    (r, i) =>
      r.lane === b[i]!.lane &&
      r.y === b[i]!.y &&
      r.height === b[i]!.height &&
      r.curve?.y === b[i]!.curve?.y &&
      r.curve?.height === b[i]!.curve?.height,
  );

/**
 * Places stages as columns and lanes as rows; each cell stacks its cards.
 * A lane is as tall as its fullest cell (an emotion lane also holds the
 * curve band). Collapsed stages and lanes shrink and hide their cards. With
 * a right-to-left timeline the first stage is the rightmost column and lane
 * headers sit on the right. Columns and rows that did not move keep the
 * previous layout's arrays, so what is drawn from them is skipped.
 */
export function layoutJourney(
  grid: JourneyGrid,
  direction: TimelineDirection,
  previous?: JourneyLayout,
): JourneyLayout {
  const widths = grid.stages.map(columnWidth);
  const cellsWidth = widths.reduce((a, b) => a + b, 0);
  const width = GRID.laneHeaderWidth + cellsWidth;
  let columns: LayoutColumn[] = [];
  let x = direction === "ltr" ? GRID.laneHeaderWidth : cellsWidth;
  grid.stages.forEach((stage, i) => {
    const w = widths[i]!;
    if (direction === "rtl") x -= w;
    columns.push({ stage, x, width: w });
    if (direction === "ltr") x += w;
  });
  let rows: LayoutRow[] = [];
  let y = GRID.stageHeaderHeight;
  for (const lane of grid.lanes) {
    if (lane.collapsed) {
      rows.push({ lane, y, height: GRID.collapsedLaneHeight, curve: null });
      y += GRID.collapsedLaneHeight;
      continue;
    }
    const curve = lane.kind === "emotions" ? { y, height: GRID.curveHeight } : null;
    let fullest = 0;
    for (const { stage } of columns) {
      if (!stage.collapsed) fullest = Math.max(fullest, grid.cells.get(keyOf(stage, lane))?.length ?? 0);
    }
    const height = (curve?.height ?? 0) + stackHeight(fullest);
    rows.push({ lane, y, height, curve });
    y += height;
  }
  if (previous && sameColumns(previous.columns, columns)) columns = previous.columns;
  if (previous && sameRows(previous.rows, rows)) rows = previous.rows;
  let boxes: Map<string, Rect> | null = null;
  return {
    width,
    height: y,
    laneHeaderX: direction === "ltr" ? 0 : cellsWidth,
    columns,
    rows,
    get cards() {
      boxes ??= cardBoxes(grid, columns, rows);
      return boxes;
    },
  };
}

function cardBoxes(grid: JourneyGrid, columns: LayoutColumn[], rows: LayoutRow[]): Map<string, Rect> {
  const boxes = new Map<string, Rect>();
  for (const row of rows) {
    if (row.lane.collapsed) continue;
    for (const column of columns) {
      if (column.stage.collapsed) continue;
      grid.cells.get(keyOf(column.stage, row.lane))?.forEach((card, i) => boxes.set(card.id, slotRect(column, row, i)));
    }
  }
  return boxes;
}

/** Whether two layouts place stages and lanes alike (the grid, headers and curve need no new drawing). */
export const sameFrame = (a: JourneyLayout, b: JourneyLayout): boolean =>
  a.columns === b.columns && a.rows === b.rows && a.laneHeaderX === b.laneHeaderX;

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
  const count = grid.cells.get(keyOf(column.stage, row.lane))?.length ?? 0;
  return { stageId: column.stage.id, laneId: row.lane.id, index: Math.max(0, Math.min(slot, count)) };
}

/** Where a card typed into `cell` at its index will appear. */
export function slotBox(layout: JourneyLayout, cell: CellHit): Rect | null {
  const column = layout.columns.find((c) => c.stage.id === cell.stageId);
  const row = layout.rows.find((r) => r.lane.id === cell.laneId);
  if (!column || !row || column.stage.collapsed || row.lane.collapsed) return null;
  return slotRect(column, row, cell.index);
}
