import {
  cellKey,
  type CardRecord,
  type JourneyGrid,
  type LaneRecord,
  type StageRecord,
  type TimelineDirection,
} from "@journeyboard/shared";
import { PLAIN, shapeOf, shelfHeadings, shelfPlace, type CellShape } from "./cellShape";

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
  /** The band a cluster's heading takes above its cards: room to set it apart from the cards before, itself, a gap. */
  clusterHeading: 36,
  /** The heading's own height, at the bottom of its band but for a gap of `cardGap / 2`. */
  clusterHeadingHeight: 24,
} as const;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `across`: how many cards each of its cells sets side by side; `rtl`: they run from the right. */
export type LayoutColumn = { stage: StageRecord; x: number; width: number; across: number; rtl: boolean };
/** `curve`: the band of an emotion lane where the curve is drawn (its cards sit below it). */
export type LayoutRow = { lane: LaneRecord; y: number; height: number; curve: { y: number; height: number } | null };

export interface JourneyLayout {
  width: number;
  height: number;
  /** Where the lane headers sit: the side the timeline starts from. */
  laneHeaderX: number;
  columns: LayoutColumn[];
  rows: LayoutRow[];
  /** How many of this person's private drafts each cell (by key) holds: they take the slots after its cards. */
  drafted: ReadonlyMap<string, number>;
  /** Every shown card's box; worked out on first use, as most changes need only a few cells. */
  readonly cards: Map<string, Rect>;
}

const NO_CARDS: readonly CardRecord[] = [];

const keys = new WeakMap<StageRecord, Map<string, string>>();

/** A cell's key, made once per stage record and lane: laying out a large board makes no new strings. */
export function keyOf(stage: StageRecord, lane: LaneRecord): string {
  let byLane = keys.get(stage);
  if (!byLane) keys.set(stage, (byLane = new Map()));
  let key = byLane.get(lane.id);
  if (key === undefined) byLane.set(lane.id, (key = cellKey(stage.id, lane.id)));
  return key;
}

/** Cards a cell stacks in one column before it lays them out side by side. */
const STACK = 6;
const PITCH_X = GRID.cardWidth + GRID.cardGap;
const PITCH_Y = GRID.cardHeight + GRID.cardGap;

/**
 * How many cards a cell of `count` cards sets side by side: one up to STACK,
 * then as many as keep the cell about twice as tall as wide, so a crowded
 * cell grows sideways as well as down.
 */
export function acrossFor(count: number): number {
  return count <= STACK ? 1 : Math.ceil(Math.sqrt((count * PITCH_Y) / (2 * PITCH_X)));
}

/** How far below a cell's first line the slot at `index` starts: the lines and cluster headings above it. */
function slotTop(shape: CellShape, across: number, index: number): number {
  const { line, headings } = shelfPlace(shape, across, index);
  return line * PITCH_Y + headings * GRID.clusterHeading;
}

/** Height of a cell's cards with `across` side by side, their clusters' headings, and the strip for the next card. */
function stackHeight(count: number, across: number, shape: CellShape): number {
  const strip = slotTop(shape, across, count) + GRID.addStrip;
  const cards = count > 0 ? slotTop(shape, across, count - 1) + GRID.cardHeight : 0;
  return GRID.cellPadding * 2 + Math.max(GRID.cardHeight, strip, cards);
}

const columnWidth = (stage: StageRecord, across: number) =>
  stage.collapsed
    ? GRID.collapsedStageWidth
    : Math.max(stage.width ?? GRID.cellWidth, GRID.cellPadding * 2 + across * PITCH_X - GRID.cardGap);

const cardWidthIn = (column: LayoutColumn) => Math.min(GRID.cardWidth, column.width - GRID.cellPadding * 2);
/** How wide a cell's cards stand together: one card, or a line of them side by side. */
const blockWidth = (column: LayoutColumn) =>
  column.across > 1 ? column.across * PITCH_X - GRID.cardGap : cardWidthIn(column);
const firstLineY = (row: LayoutRow) => row.y + (row.curve?.height ?? 0) + GRID.cellPadding;

/**
 * Where the card at `index` of a cell sits (the cell need not hold that
 * many), in reading order of the timeline; a cell with clusters (`shape`)
 * starts each cluster on a line of its own, below its heading.
 */
export function slotRect(column: LayoutColumn, row: LayoutRow, index: number, shape: CellShape = PLAIN): Rect {
  const { place } = shelfPlace(shape, column.across, index);
  const across = column.rtl ? column.across - 1 - place : place;
  return {
    x: column.x + (column.width - blockWidth(column)) / 2 + across * PITCH_X,
    y: firstLineY(row) + slotTop(shape, column.across, index),
    width: cardWidthIn(column),
    height: GRID.cardHeight,
  };
}

/** A cluster's heading in a cell: its name over the cards of its shelf, as wide as the cell's cards stand. */
export interface HeadingBox extends Rect {
  cluster: string;
  /** The index of its first card in the cell, and how many it heads. */
  first: number;
  count: number;
}

/** The headings of a cell's clusters, each in the band above its first line. */
export function headingRects(column: LayoutColumn, row: LayoutRow, shape: CellShape): HeadingBox[] {
  const x = column.x + (column.width - blockWidth(column)) / 2;
  return shelfHeadings(shape, column.across).map(({ cluster, first, count, line, headings }) => ({
    cluster,
    first,
    count,
    x,
    y: firstLineY(row) + line * PITCH_Y + headings * GRID.clusterHeading - GRID.clusterHeadingHeight - GRID.cardGap / 2,
    width: blockWidth(column),
    height: GRID.clusterHeadingHeight,
  }));
}

/** Where the draft at `index` of a cell's drafts sits: in the slots after the cell's `cards`, like a card. */
export function draftSlotRect(
  column: LayoutColumn,
  row: LayoutRow,
  cards: number,
  index: number,
  shape: CellShape = PLAIN,
): Rect {
  return slotRect(column, row, cards + index, shape);
}

/**
 * Where a cell shows that a card can be added: a strip where its next card
 * would go. The rest of an empty cell stays background, where a drag selects.
 */
export function addSlotRect(column: LayoutColumn, row: LayoutRow, count: number, shape: CellShape = PLAIN): Rect {
  return { ...slotRect(column, row, count, shape), height: GRID.addStrip };
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The slots of a cell of `count` cards that overlap the world box `view`, in order. */
export function slotsIn(
  column: LayoutColumn,
  row: LayoutRow,
  count: number,
  view: Rect,
  shape: CellShape = PLAIN,
): number[] {
  // A cell with clusters is not one even grid: each slot is looked at (cells with clusters are few and small).
  if (shape.length) {
    return Array.from({ length: count }, (_, index) => index).filter((index) =>
      overlaps(slotRect(column, row, index, shape), view),
    );
  }
  const origin = slotRect(column, row, 0);
  const lineOf = (y: number) => (y - origin.y) / PITCH_Y;
  const first = Math.max(0, Math.floor(lineOf(view.y - GRID.cardHeight)) + 1);
  const end = Math.min(Math.ceil(count / column.across), Math.ceil(lineOf(view.y + view.height)));
  const left = column.x + (column.width - (column.across * PITCH_X - GRID.cardGap)) / 2;
  const placeOf = (x: number) => (x - left) / PITCH_X;
  const from = Math.max(0, Math.floor(placeOf(view.x - GRID.cardWidth)) + 1);
  const to = Math.min(column.across, Math.ceil(placeOf(view.x + view.width)));
  const slots: number[] = [];
  for (let line = first; line < end; line++) {
    for (let place = from; place < to; place++) {
      const index = line * column.across + (column.rtl ? column.across - 1 - place : place);
      if (index < count) slots.push(index);
    }
  }
  return column.rtl ? slots.sort((a, b) => a - b) : slots;
}

const sameColumns = (a: LayoutColumn[], b: LayoutColumn[]) =>
  a.length === b.length &&
  a.every((c, i) => c.stage === b[i]!.stage && c.x === b[i]!.x && c.width === b[i]!.width && c.across === b[i]!.across);
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
 * Places stages as columns and lanes as rows; each cell stacks its cards,
 * and a crowded one sets them side by side too (`acrossFor` its count, the
 * most of its stage's cells): a stage is as wide as its fullest cell needs,
 * a lane as tall (an emotion lane also holds the curve band). Collapsed stages and lanes shrink and hide their cards. With
 * a right-to-left timeline the first stage is the rightmost column and lane
 * headers sit on the right. This person's private drafts (`drafted`, by
 * cell) count like cards, so a cell makes room for them too. Columns and
 * rows that did not move keep the previous layout's arrays, so what is
 * drawn from them is skipped.
 */
export function layoutJourney(
  grid: JourneyGrid,
  direction: TimelineDirection,
  previous?: JourneyLayout,
  drafted: ReadonlyMap<string, number> = new Map(),
): JourneyLayout {
  const count = (stage: StageRecord, lane: LaneRecord) => {
    if (stage.collapsed || lane.collapsed) return 0;
    const key = keyOf(stage, lane);
    return (grid.cells.get(key)?.length ?? 0) + (drafted.get(key) ?? 0);
  };
  const shape = (stage: StageRecord, lane: LaneRecord) => shapeOf(grid.cells.get(keyOf(stage, lane)) ?? NO_CARDS);
  const acrosses = grid.stages.map((stage) => Math.max(1, ...grid.lanes.map((lane) => acrossFor(count(stage, lane)))));
  const widths = grid.stages.map((stage, i) => columnWidth(stage, acrosses[i]!));
  const cellsWidth = widths.reduce((a, b) => a + b, 0);
  const width = GRID.laneHeaderWidth + cellsWidth;
  let columns: LayoutColumn[] = [];
  let x = direction === "ltr" ? GRID.laneHeaderWidth : cellsWidth;
  grid.stages.forEach((stage, i) => {
    const w = widths[i]!;
    if (direction === "rtl") x -= w;
    columns.push({ stage, x, width: w, across: acrosses[i]!, rtl: direction === "rtl" });
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
    let tallest = stackHeight(0, 1, PLAIN);
    for (const { stage, across } of columns) {
      tallest = Math.max(tallest, stackHeight(count(stage, lane), across, shape(stage, lane)));
    }
    const height = (curve?.height ?? 0) + tallest;
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
    drafted,
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
      const cards = grid.cells.get(keyOf(column.stage, row.lane)) ?? NO_CARDS;
      const shape = shapeOf(cards);
      cards.forEach((card, i) => boxes.set(card.id, slotRect(column, row, i, shape)));
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
  const cards = grid.cells.get(keyOf(column.stage, row.lane)) ?? NO_CARDS;
  const shape = shapeOf(cards);
  const index = shape.length
    ? shapedSlotAt(column, row, cards.length, shape, x, y)
    : slotAt(column, row, cards.length, x, y);
  return { stageId: column.stage.id, laneId: row.lane.id, index };
}

/**
 * `slotAt` for a cell with clusters: before the first card the point is not
 * past, in reading order (past its middle in a single stack; below its line,
 * or on its line or heading and past its middle along the timeline).
 */
function shapedSlotAt(column: LayoutColumn, row: LayoutRow, count: number, shape: CellShape, x: number, y: number) {
  for (let index = 0; index < count; index++) {
    const box = slotRect(column, row, index, shape);
    const middle = box.x + box.width / 2;
    const along = column.rtl ? x < middle : x > middle;
    const past =
      column.across === 1
        ? y > box.y + box.height / 2
        : y >= box.y + box.height + GRID.cardGap / 2 || (y >= box.y - GRID.clusterHeading && along);
    if (!past) return index;
  }
  return count;
}

/**
 * Where a card dropped at a world point goes among a cell's `count` cards:
 * before the card whose upper half (in a single stack) or whose first half
 * along the timeline (side by side) is under the point.
 */
function slotAt(column: LayoutColumn, row: LayoutRow, count: number, x: number, y: number): number {
  const origin = slotRect(column, row, 0);
  const clamp = (value: number, max: number) => Math.max(0, Math.min(value, max));
  if (column.across === 1) return clamp(Math.floor((y - origin.y + GRID.cardGap / 2) / PITCH_Y + 0.5), count);
  const line = Math.max(0, Math.floor((y - origin.y + GRID.cardGap / 2) / PITCH_Y));
  const left = column.x + (column.width - (column.across * PITCH_X - GRID.cardGap)) / 2;
  const along = (x - left + GRID.cardGap / 2) / PITCH_X;
  const place = clamp(Math.floor((column.rtl ? column.across - along : along) + 0.5), column.across);
  return clamp(line * column.across + place, count);
}

/** Where a new card is typed: at its index among the cards, or, while it becomes a draft, after the cell's drafts. */
export function newCardSlot(layout: JourneyLayout, grid: JourneyGrid, cell: CellHit, drafting: boolean): CellHit {
  if (!drafting) return cell;
  const key = cellKey(cell.stageId, cell.laneId);
  return { ...cell, index: (grid.cells.get(key)?.length ?? 0) + (layout.drafted.get(key) ?? 0) };
}

/** Where a card typed into `cell` at its index will appear. */
export function slotBox(layout: JourneyLayout, grid: JourneyGrid, cell: CellHit): Rect | null {
  const column = layout.columns.find((c) => c.stage.id === cell.stageId);
  const row = layout.rows.find((r) => r.lane.id === cell.laneId);
  if (!column || !row || column.stage.collapsed || row.lane.collapsed) return null;
  return slotRect(column, row, cell.index, shapeOf(grid.cells.get(cellKey(cell.stageId, cell.laneId)) ?? NO_CARDS));
}
