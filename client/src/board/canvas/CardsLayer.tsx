import { memo } from "react";
import type Konva from "konva";
import { Layer, Shape } from "react-konva";
import {
  LANE_COLOURS,
  cellKey,
  departmentColour,
  type CardRecord,
  type JourneyGrid,
  type LaneKind,
} from "@journeyboard/shared";
import {
  GRID,
  slotRect,
  slotsBetween,
  type JourneyLayout,
  type LayoutColumn,
  type LayoutRow,
  type Rect,
} from "../state/layout";
import { CardNode, type CardHandlers, type CardLabels, type EditedBy } from "./CardNode";

export interface CardsView {
  /** The part of the world to draw, in world units. */
  view: Rect;
  selection: ReadonlySet<string>;
  editing: string | null;
  editedBy: ReadonlyMap<string, EditedBy>;
  canEdit: boolean;
  /** Far out, where words are too small to read: each cell's cards are drawn as plain tiles, in one shape. */
  tiles: boolean;
  labels: CardLabels;
  handlers: CardHandlers;
}

/**
 * The cards in view, drawn cell by cell. Cells out of view are skipped
 * without looking at their cards; a cell whose cards, place and view did
 * not change is not rendered again, and within a cell only cards whose
 * props changed are.
 */
export function CardsLayer({ grid, layout, view, ...shown }: CardsView & { grid: JourneyGrid; layout: JourneyLayout }) {
  const columns = layout.columns.filter(
    (c) => !c.stage.collapsed && c.x < view.x + view.width && view.x < c.x + c.width,
  );
  const rows = layout.rows.filter((r) => !r.lane.collapsed && r.y < view.y + view.height && view.y < r.y + r.height);
  return (
    <Layer>
      {rows.flatMap((row) =>
        columns.map((column) => {
          const cards = grid.cells.get(cellKey(column.stage.id, row.lane.id));
          if (!cards) return null;
          const [first, end] = slotsBetween(row, cards.length, view.y, view.y + view.height);
          if (first >= end) return null;
          const Cell = shown.tiles ? CellTiles : CellCards;
          return (
            <Cell
              key={`${column.stage.id}/${row.lane.id}`}
              cards={cards}
              first={first}
              end={end}
              column={column}
              row={row}
              kind={row.lane.kind}
              {...shown}
            />
          );
        }),
      )}
    </Layer>
  );
}

interface CellProps extends Omit<CardsView, "view"> {
  cards: readonly CardRecord[];
  first: number;
  end: number;
  column: LayoutColumn;
  row: LayoutRow;
  kind: LaneKind;
}

const CellCards = memo(function CellCards({
  cards,
  first,
  end,
  column,
  row,
  kind,
  selection,
  editing,
  editedBy,
  canEdit,
  labels,
  handlers,
}: CellProps) {
  return cards.slice(first, end).map((card, offset) => {
    const box = slotRect(column, row, first + offset);
    return (
      <CardNode
        key={card.id}
        card={card}
        kind={kind}
        x={box.x}
        y={box.y}
        width={box.width}
        height={box.height}
        colour={LANE_COLOURS[kind].card}
        selected={selection.has(card.id)}
        editedBy={editedBy.get(card.id) ?? null}
        draggable={canEdit && editing !== card.id}
        labels={labels}
        handlers={handlers}
      />
    );
  });
});

const PITCH = GRID.cardHeight + GRID.cardGap;

/**
 * A far-out cell: its cards as tiles edged in their author's department
 * colour (the selected ones in blue), drawn by one shape rather than a node
 * per card. A press picks the tile under the pointer.
 */
const CellTiles = memo(function CellTiles({ cards, first, end, column, row, kind, selection, handlers }: CellProps) {
  const origin = slotRect(column, row, 0);
  const pick = (event: Konva.KonvaEventObject<MouseEvent>) => {
    const at = event.target.getRelativePointerPosition();
    const card = at && at.y % PITCH <= GRID.cardHeight ? cards[Math.floor(at.y / PITCH)] : undefined;
    if (card) handlers.onPointerDown(card.id, event.evt.shiftKey);
  };
  return (
    <Shape
      x={origin.x}
      y={origin.y}
      width={origin.width}
      height={cards.length * PITCH - GRID.cardGap}
      name="card-tiles"
      perfectDrawEnabled={false}
      onMouseDown={pick}
      sceneFunc={(context) => {
        for (let i = first; i < end; i++) {
          const card = cards[i]!;
          const selected = selection.has(card.id);
          context.setAttr("fillStyle", LANE_COLOURS[kind].card);
          context.fillRect(0, i * PITCH, origin.width, origin.height);
          context.setAttr("strokeStyle", selected ? "#1d4ed8" : departmentColour(card.authorDepartment));
          context.setAttr("lineWidth", selected ? 14 : 5);
          context.strokeRect(0, i * PITCH, origin.width, origin.height);
        }
      }}
      hitFunc={(context, shape) => {
        context.beginPath();
        context.rect(0, first * PITCH, origin.width, (end - first) * PITCH);
        context.closePath();
        context.fillStrokeShape(shape);
      }}
    />
  );
});
