import {
  memo,
  useContext,
  useEffect,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import type Konva from "konva";
import { Group, Layer, Rect as KonvaRect, Shape } from "react-konva";
import { CanvasText } from "./CanvasText";
import { LANE_COLOURS, departmentColour, lockHolding, type CardRecord, type LaneKind } from "@journeyboard/shared";
import {
  addSlotRect,
  headingRects,
  keyOf,
  slotRect,
  slotsIn,
  type JourneyLayout,
  type LayoutColumn,
  type LayoutRow,
  type Rect,
} from "../state/layout";
import type { BoardModel } from "../state/BoardModel";
import type { CardDots } from "../state/cardDots";
import { CARDS_LAYER, CARDS_SHOWN, ViewMotionContext } from "./viewMotion";
import { Mounting } from "./mounting";
import { CardNode, type CardHandlers, type CardLabels, type EditedBy } from "./CardNode";
import { ClusterHeadings, headingBottoms, type OnHeading } from "./ClusterHeadings";
import { shapeOf, type CellShape } from "../state/cellShape";

export interface CardsView {
  selection: ReadonlySet<string>;
  editing: string | null;
  editedBy: ReadonlyMap<string, EditedBy>;
  canEdit: boolean;
  /** The board's locked targets (`lockKey`): a card a lock holds shows it, and moves only for a facilitator. */
  locks: ReadonlySet<string>;
  /** A facilitator: locks do not hold them. */
  overridesLocks: boolean;
  /** Whose cards alone may be moved (this person's own), or null for anyone's: the phase keeps participants to theirs. */
  onlyCardsOf: string | null;
  dots: ReadonlyMap<string, CardDots>;
  /** Far out, where words are too small to read: each cell's cards are drawn as plain tiles, in one shape. */
  tiles: boolean;
  labels: CardLabels;
  handlers: CardHandlers;
  /** A cluster's heading pressed. */
  onHeading: OnHeading;
}

interface CardsLayerProps extends CardsView {
  model: BoardModel;
  journeyId: string;
  layout: JourneyLayout;
  /** The part of the world to draw, in world units. */
  view: Rect;
  /** The part of it on screen, whose cards are drawn at once; the rest a few per render. */
  screen: Rect;
}

const NO_CARDS: readonly CardRecord[] = [];

/**
 * The cards in view, drawn cell by cell. Cells out of view are not
 * mounted. Each cell reads its own cards from the board model, so a remote
 * change to a card renders its cell alone (the canvas around it does not
 * render), and within the cell only the cards whose props changed. While
 * the view pans, the layer may draw a picture of them instead (`ViewMotion`).
 */
export function CardsLayer({ model, journeyId, layout, view, screen, ...shown }: CardsLayerProps) {
  const columns = layout.columns.filter(
    (c) => !c.stage.collapsed && c.x < view.x + view.width && view.x < c.x + c.width,
  );
  const rows = layout.rows.filter((r) => !r.lane.collapsed && r.y < view.y + view.height && view.y < r.y + r.height);
  const motion = useContext(ViewMotionContext);
  const layer = useRef<Konva.Layer>(null);
  const group = useRef<Konva.Group>(null);
  const sheet = useRef<Konva.Shape>(null);
  const [mounting] = useState(() => new Mounting());
  const render = mounting.beginRender();
  // A cell with cards left to mount renders again in the next render, and there is one in the next frame
  // whether or not the view moves.
  const [, nextFrame] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!mounting.hasPending) return;
    const id = requestAnimationFrame(nextFrame);
    return () => cancelAnimationFrame(id);
  });
  useLayoutEffect(() => {
    if (motion && layer.current && group.current && sheet.current)
      return motion.attach(layer.current, group.current, sheet.current);
  }, [motion]);
  return (
    <Layer name={CARDS_LAYER} ref={layer}>
      <Group name={CARDS_SHOWN} ref={group}>
        {rows.flatMap((row) =>
          columns.map((column) => (
            <Cell
              key={`${column.stage.id}/${row.lane.id}`}
              model={model}
              journeyId={journeyId}
              column={column}
              row={row}
              view={view}
              screen={screen}
              mounting={mounting}
              drafts={layout.drafted.get(keyOf(column.stage, row.lane)) ?? 0}
              frame={mounting.isPending(keyOf(column.stage, row.lane)) ? render : 0}
              {...shown}
            />
          )),
        )}
      </Group>
      <Shape ref={sheet} visible={false} listening={false} sceneFunc={motion?.drawSheet} />
    </Layer>
  );
}

interface CellProps extends CardsView {
  model: BoardModel;
  journeyId: string;
  column: LayoutColumn;
  row: LayoutRow;
  view: Rect;
  screen: Rect;
  mounting: Mounting;
  /** How many of this person's private drafts follow the cell's cards: the strip that adds one goes after them. */
  drafts: number;
  /** Changes while the cell has cards left to mount, so that it renders again. */
  frame: number;
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const contains = (box: Rect, point: { x: number; y: number }) =>
  point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;

const Cell = memo(function Cell({
  model,
  journeyId,
  column,
  row,
  view,
  screen,
  mounting,
  drafts,
  ...shown
}: CellProps) {
  const key = keyOf(column.stage, row.lane);
  const cards = useSyncExternalStore(model.subscribe, () => model.grid(journeyId).cells.get(key) ?? NO_CARDS);
  const shape = shapeOf(cards);
  const needed = new Set(slotsIn(column, row, cards.length, screen, shape));
  const chosen = mounting.choose(key, slotsIn(column, row, cards.length, view, shape), needed);
  const slots = chosen.slots.filter((index) => index < cards.length);
  useLayoutEffect(() => mounting.committed(key, slots, chosen.pending));
  useEffect(() => () => mounting.forget(key), [mounting, key]);
  // A new card in a cell a lock holds would be refused: its slot is not offered.
  const place = { journeyId, stageId: column.stage.id, laneId: row.lane.id };
  const cellLocked = !shown.overridesLocks && lockHolding(shown.locks, "cards", "", place) !== null;
  const add =
    shown.canEdit && !shown.tiles && !cellLocked ? addSlotRect(column, row, cards.length + drafts, shape) : null;
  const addInView = add !== null && overlaps(add, view);
  const headings = headingRects(column, row, shape).filter((heading) => overlaps(heading, view));
  if (!slots.length && !addInView && !headings.length) return null;
  const Draw = shown.tiles ? CellTiles : CellCards;
  return (
    <>
      {headings.length > 0 && (
        <ClusterHeadings
          cell={{ stageId: column.stage.id, laneId: row.lane.id }}
          headings={headings}
          bottoms={headingBottoms(headings, (index) => slotRect(column, row, index, shape).y)}
          onHeading={shown.onHeading}
        />
      )}
      {slots.length > 0 && (
        <Draw
          cards={cards}
          shape={shape}
          merged={model.mergedIn(key)}
          slots={slots}
          column={column}
          row={row}
          kind={row.lane.kind}
          {...shown}
        />
      )}
      {add && addInView && (
        <AddSlot
          box={add}
          label={shown.labels.addCard}
          onAdd={() => shown.handlers.onAdd({ stageId: column.stage.id, laneId: row.lane.id, index: cards.length })}
        />
      )}
    </>
  );
});

/**
 * Where a card can be added to a cell: a press there opens a new card at the
 * cell's end. It acts on the press and keeps the browser from moving focus,
 * so the second press of a double-click lands in the new card's field
 * instead of closing it.
 */
function AddSlot({ box, label, onAdd }: { box: Rect; label: string; onAdd: () => void }) {
  const press = (event: Konva.KonvaEventObject<MouseEvent>) => {
    if (event.evt.button !== 0) return;
    event.evt.preventDefault();
    event.cancelBubble = true;
    onAdd();
  };
  return (
    <Group x={box.x} y={box.y} width={box.width} height={box.height} name="add-slot" onMouseDown={press} onTap={onAdd}>
      <KonvaRect
        width={box.width}
        height={box.height}
        cornerRadius={6}
        stroke="#94a3b8"
        dash={[6, 4]}
        strokeWidth={1}
        fill="rgba(255,255,255,0.35)"
      />
      <CanvasText
        text={`+ ${label}`}
        width={box.width}
        height={box.height}
        align="center"
        verticalAlign="middle"
        fontSize={13}
        fill="#475569"
        listening={false}
      />
    </Group>
  );
}

interface DrawProps extends CardsView {
  cards: readonly CardRecord[];
  shape: CellShape;
  /** How many cards each merged card stands for (`BoardModel.mergedIn`). */
  merged: ReadonlyMap<string, number>;
  /** The indices of the cards in view. */
  slots: number[];
  column: LayoutColumn;
  row: LayoutRow;
  kind: LaneKind;
}

function CellCards({
  cards,
  shape,
  merged,
  slots,
  column,
  row,
  kind,
  selection,
  editing,
  editedBy,
  canEdit,
  locks,
  overridesLocks,
  onlyCardsOf,
  dots,
  labels,
  handlers,
}: DrawProps) {
  return slots.map((index) => {
    const card = cards[index]!;
    const box = slotRect(column, row, index, shape);
    const locked = lockHolding(locks, "cards", card.id, card) !== null;
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
        draggable={
          canEdit &&
          editing !== card.id &&
          (overridesLocks || !locked) &&
          (onlyCardsOf === null || card.authorId === onlyCardsOf)
        }
        locked={locked}
        dots={dots.get(card.id) ?? null}
        merged={merged.get(card.id) ?? 0}
        labels={labels}
        handlers={handlers}
      />
    );
  });
}

/**
 * A far-out cell: its cards as tiles edged in their author's department
 * colour (the selected ones in blue), drawn by one shape rather than a node
 * per card. A press picks the tile under the pointer.
 */
function CellTiles({ cards, shape, slots, column, row, kind, selection, handlers }: DrawProps) {
  const boxes = slots.map((index) => slotRect(column, row, index, shape));
  const origin = { x: Math.min(...boxes.map((b) => b.x)), y: Math.min(...boxes.map((b) => b.y)) };
  const width = Math.max(...boxes.map((b) => b.x + b.width)) - origin.x;
  const height = Math.max(...boxes.map((b) => b.y + b.height)) - origin.y;
  const motion = useContext(ViewMotionContext);
  const [left, top] = [origin.x, origin.y];
  // A picture of the moving view showing these tiles as they were is stale.
  useLayoutEffect(
    () => motion?.changed({ x: left, y: top, width, height }),
    [motion, cards, selection, left, top, width, height],
  );
  const pick = (event: Konva.KonvaEventObject<MouseEvent>) => {
    const at = event.target.getRelativePointerPosition();
    const point = at && { x: at.x + origin.x, y: at.y + origin.y };
    const hit = point ? boxes.findIndex((box) => contains(box, point)) : -1;
    const card = hit >= 0 ? cards[slots[hit]!] : undefined;
    if (card) handlers.tools.press({ kind: "card", id: card.id }, event);
  };
  return (
    <Shape
      x={origin.x}
      y={origin.y}
      width={width}
      height={height}
      name="card-tiles"
      perfectDrawEnabled={false}
      onMouseDown={pick}
      sceneFunc={(context) => {
        slots.forEach((index, i) => {
          const card = cards[index]!;
          const box = boxes[i]!;
          const selected = selection.has(card.id);
          context.setAttr("fillStyle", LANE_COLOURS[kind].card);
          context.fillRect(box.x - origin.x, box.y - origin.y, box.width, box.height);
          context.setAttr("strokeStyle", selected ? "#1d4ed8" : departmentColour(card.authorDepartment));
          context.setAttr("lineWidth", selected ? 14 : 5);
          context.strokeRect(box.x - origin.x, box.y - origin.y, box.width, box.height);
        });
      }}
      hitFunc={(context, shape) => {
        context.beginPath();
        for (const box of boxes) context.rect(box.x - origin.x, box.y - origin.y, box.width, box.height);
        context.closePath();
        context.fillStrokeShape(shape);
      }}
    />
  );
}
