import type { JourneyGrid } from "@journeyboard/shared";
import { shapeOf } from "./cellShape";
import { keyOf, slotRect, type JourneyLayout, type LayoutColumn, type LayoutRow, type Rect } from "./layout";

export type Direction = "up" | "down" | "left" | "right";
export interface Cell {
  stageId: string;
  laneId: string;
}
/** Where the keyboard is on the board: a card, or a cell (an empty one, or one left by its last card). */
export type Focus = { card: string } | { cell: Cell };

interface Place {
  column: LayoutColumn;
  row: LayoutRow;
  /** The card's place in its cell; null for the cell itself. */
  index: number | null;
}

const open = (layout: JourneyLayout) => ({
  columns: layout.columns.filter((c) => !c.stage.collapsed).sort((a, b) => a.x - b.x),
  rows: layout.rows.filter((r) => !r.lane.collapsed),
});

const centre = (box: Rect) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** The box of a cell where its cards sit (under an emotion lane's curve band). */
export function cellRect(column: LayoutColumn, row: LayoutRow): Rect {
  const top = row.y + (row.curve?.height ?? 0);
  return { x: column.x, y: top, width: column.width, height: row.y + row.height - top };
}

function placeOf(layout: JourneyLayout, grid: JourneyGrid, focus: Focus): Place | null {
  const { columns, rows } = open(layout);
  for (const column of columns) {
    for (const row of rows) {
      if ("cell" in focus) {
        if (column.stage.id === focus.cell.stageId && row.lane.id === focus.cell.laneId)
          return { column, row, index: null };
        continue;
      }
      const index = (grid.cells.get(keyOf(column.stage, row.lane)) ?? []).findIndex((c) => c.id === focus.card);
      if (index >= 0) return { column, row, index };
    }
  }
  return null;
}

const cardsOf = (grid: JourneyGrid, column: LayoutColumn, row: LayoutRow) =>
  grid.cells.get(keyOf(column.stage, row.lane)) ?? [];

/** Where the card at `index` of a cell sits, its clusters' headings counted. */
const slotOf = (grid: JourneyGrid, column: LayoutColumn, row: LayoutRow, index: number) =>
  slotRect(column, row, index, shapeOf(cardsOf(grid, column, row)));

/**
 * The card of a cell nearest to `from` among those `beyond` accepts, by
 * distance along the direction first, then across it.
 */
function nearest(
  grid: JourneyGrid,
  column: LayoutColumn,
  row: LayoutRow,
  from: { x: number; y: number },
  direction: Direction,
  beyond: (at: { x: number; y: number }) => boolean,
): string | null {
  const vertical = direction === "up" || direction === "down";
  const cards = cardsOf(grid, column, row);
  let best: { id: string; along: number; across: number } | null = null;
  for (let index = 0; index < cards.length; index++) {
    const at = centre(slotOf(grid, column, row, index));
    if (!beyond(at)) continue;
    const along = Math.abs(vertical ? at.y - from.y : at.x - from.x);
    const across = Math.abs(vertical ? at.x - from.x : at.y - from.y);
    if (!best || along < best.along || (along === best.along && across < best.across))
      best = { id: cards[index]!.id, along, across };
  }
  return best?.id ?? null;
}

const ahead = (direction: Direction, from: { x: number; y: number }) => (at: { x: number; y: number }) =>
  direction === "up"
    ? at.y < from.y - 1
    : direction === "down"
      ? at.y > from.y + 1
      : direction === "left"
        ? at.x < from.x - 1 && Math.abs(at.y - from.y) < 1
        : at.x > from.x + 1 && Math.abs(at.y - from.y) < 1;

/** The cell next to a place in a direction, on screen (a right-to-left timeline runs its stages leftwards). */
export function neighbour(
  layout: JourneyLayout,
  place: { column: LayoutColumn; row: LayoutRow },
  direction: Direction,
) {
  const { columns, rows } = open(layout);
  const c = columns.indexOf(place.column) + (direction === "left" ? -1 : direction === "right" ? 1 : 0);
  const r = rows.indexOf(place.row) + (direction === "up" ? -1 : direction === "down" ? 1 : 0);
  const column = columns[c];
  const row = rows[r];
  return column && row ? { column, row } : null;
}

/**
 * Where an arrow key takes the keyboard: to the next card of the cell that
 * way, else into the next cell that way (to its card nearest where the
 * keyboard was, or to the cell itself when it is empty). Nowhere yet: the
 * first cell. Past the edge of the grid it stays.
 */
export function nextFocus(
  layout: JourneyLayout,
  grid: JourneyGrid,
  from: Focus | null,
  direction: Direction,
): Focus | null {
  const place = from ? placeOf(layout, grid, from) : null;
  if (!place) {
    const { columns, rows } = open(layout);
    const [column, row] = [columns[0], rows[0]];
    if (!column || !row) return null;
    const first = cardsOf(grid, column, row)[0];
    return first ? { card: first.id } : { cell: { stageId: column.stage.id, laneId: row.lane.id } };
  }
  const box =
    place.index === null ? cellRect(place.column, place.row) : slotOf(grid, place.column, place.row, place.index);
  const here = centre(box);
  if (place.index !== null) {
    const inCell = nearest(grid, place.column, place.row, here, direction, ahead(direction, here));
    if (inCell) return { card: inCell };
  }
  const next = neighbour(layout, place, direction);
  if (!next) return from;
  const entered = nearest(grid, next.column, next.row, here, direction, () => true);
  return entered ? { card: entered } : { cell: { stageId: next.column.stage.id, laneId: next.row.lane.id } };
}

/**
 * Where Shift and an arrow move a card: one place that way within its cell
 * (a line up or down when its cards sit side by side), else to the end of
 * the next cell that way. The index is the card's place once moved; null:
 * it is at the edge of the grid.
 */
export function moveTarget(
  layout: JourneyLayout,
  grid: JourneyGrid,
  cardId: string,
  direction: Direction,
): { stageId: string; laneId: string; index: number } | null {
  const place = placeOf(layout, grid, { card: cardId });
  if (!place || place.index === null) return null;
  const { column, row, index } = place;
  const count = cardsOf(grid, column, row).length;
  const step = direction === "up" || direction === "down" ? column.across : 1;
  const here = slotOf(grid, column, row, index);
  for (const to of [index - step, index + step]) {
    if (to < 0 || to >= count) continue;
    const there = slotOf(grid, column, row, to);
    if (ahead(direction, centre(here))(centre(there)))
      return { stageId: column.stage.id, laneId: row.lane.id, index: to };
  }
  const next = neighbour(layout, place, direction);
  return next && endOf(grid, next);
}

/** Where a card goes when it moves with others: to the end of the next cell that way, whatever its place. */
export function cellTarget(
  layout: JourneyLayout,
  grid: JourneyGrid,
  cardId: string,
  direction: Direction,
): { stageId: string; laneId: string; index: number } | null {
  const place = placeOf(layout, grid, { card: cardId });
  const next = place && neighbour(layout, place, direction);
  return next ? endOf(grid, next) : null;
}

/** The place after a cell's last card. */
function endOf(grid: JourneyGrid, { column, row }: NonNullable<ReturnType<typeof neighbour>>) {
  return { stageId: column.stage.id, laneId: row.lane.id, index: cardsOf(grid, column, row).length };
}

/** The box of a cell of the layout, if it is shown. */
export function cellBox(layout: JourneyLayout, cell: Cell): Rect | null {
  const column = layout.columns.find((c) => c.stage.id === cell.stageId);
  const row = layout.rows.find((r) => r.lane.id === cell.laneId);
  return column && row && !column.stage.collapsed && !row.lane.collapsed ? cellRect(column, row) : null;
}
