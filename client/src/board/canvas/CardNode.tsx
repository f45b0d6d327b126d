import { memo, useContext, useLayoutEffect, useReducer, useRef } from "react";
import Konva from "konva";
import { Circle, Group, Image, Rect, Shape } from "react-konva";
import { CanvasText, TextResolution, keepAsPicture } from "./CanvasText";
import { ViewMotionContext } from "./viewMotion";
import {
  departmentColour,
  isAlerting,
  isPresetChannel,
  type CardRecord,
  type Indicator,
  type LaneKind,
} from "@journeyboard/shared";
import type { CardDots } from "../state/cardDots";
import { ALERT_ICON, CHANNEL_ICONS, LOCK_ICON, useIconImage } from "./icons";
import type { ToolReports } from "./useTools";

export interface CardHandlers {
  /** Where a card reports the pointer: the tools decide what a press, a click or a drag of it does. */
  tools: ToolReports;
  /** A new card at the end of a cell (its add slot was pressed). */
  onAdd(cell: { stageId: string; laneId: string; index: number }): void;
}

export interface EditedBy {
  name: string;
  colour: string;
}

/** Words a card shows besides its text, translated by the board. */
export interface CardLabels {
  placeholder: string;
  /** The add slot of each cell, for those who may add cards. */
  addCard: string;
  channel(channel: string): string;
  department(department: string): string;
  indicator(indicator: Indicator): { headline: string; detail: string };
  /** The badge of a merged card: how many cards it stands for ("3 merged"). */
  merged(count: number): string;
}

interface CardNodeProps {
  card: CardRecord;
  kind: LaneKind;
  /** The card's box, as numbers so that an unmoved card's props compare equal. */
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
  selected: boolean;
  editedBy: EditedBy | null;
  draggable: boolean;
  /** A lock holds the card: it shows a padlock. */
  locked: boolean;
  dots: CardDots | null;
  /** How many cards it stands for once merged (itself and its originals); 0 when it stands for itself alone. */
  merged: number;
  labels: CardLabels;
  handlers: CardHandlers;
}

const INK = "#0f172a";
const MUTED = "#475569";
const SHADOW = "rgba(15, 23, 42, 0.16)";
const RADIUS = 6;
const WINNER = "#d97706";
const MY_DOT = "#1d4ed8";

/** This person's own dots as blue dots, and the total once it may be seen, at the card's bottom edge. */
function DotsBadge({ dots, width }: { dots: CardDots; width: number }) {
  return (
    <Group x={10} y={-8} listening={false} name="card-dots">
      {Array.from({ length: Math.min(dots.mine, 8) }, (_, i) => (
        <Circle key={i} x={6 + i * 13} y={0} radius={5.5} fill={MY_DOT} stroke="#ffffff" strokeWidth={1.5} />
      ))}
      {dots.total !== null && (
        <Group x={width - 58}>
          <Rect width={38} height={18} y={-9} cornerRadius={9} fill={dots.winner ? WINNER : "#0f172a"} />
          <CanvasText
            width={38}
            y={-5}
            align="center"
            text={`● ${dots.total}`}
            fontSize={11}
            fontStyle="bold"
            fill="#ffffff"
          />
        </Group>
      )}
    </Group>
  );
}

const MERGED_WIDTH = 74;

/**
 * A merged card's badge on its top edge, at the right (left of the total of
 * dots when that shows): two stacked cards and how many cards it stands for.
 * It listens, as part of the card: a press on it selects the card, whose
 * panel lists the originals (`MergedFrom`).
 */
function MergedBadge({ label, width, besideTotal }: { label: string; width: number; besideTotal: boolean }) {
  return (
    <Group x={width - MERGED_WIDTH - (besideTotal ? 62 : 20)} y={-9} name="card-merged">
      <Rect width={MERGED_WIDTH} height={18} cornerRadius={9} fill="#ffffff" stroke="#334155" strokeWidth={1} />
      <Rect x={9} y={4} width={8} height={9} cornerRadius={1.5} stroke="#334155" strokeWidth={1} />
      <Rect x={6} y={6} width={8} height={9} cornerRadius={1.5} fill="#ffffff" stroke="#334155" strokeWidth={1} />
      <CanvasText
        x={21}
        y={3}
        width={MERGED_WIDTH - 26}
        text={label}
        fontSize={11}
        fontStyle="bold"
        fill="#334155"
        wrap="none"
        ellipsis
      />
    </Group>
  );
}

/** The department dot's centre from the card's bottom-right corner, and its radius. */
const DOT_INSET = 9;
const DOT_RADIUS = 4;
/** The padlock's size, and its inset from the card's right edge: left of the department dot, a few pixels clear of it. */
const PADLOCK_SIZE = 12;
const PADLOCK_INSET = DOT_INSET + DOT_RADIUS + 4 + PADLOCK_SIZE;

/**
 * The card itself in one shape, as the most drawn thing on the board: a
 * hard shadow (a blurred one costs more than the rest of the card), the
 * face, its outline when selected or edited, and the author's department dot.
 */
function drawFace(
  context: Konva.Context,
  width: number,
  height: number,
  colour: string,
  stroke: string | undefined,
  department: string,
) {
  context.setAttr("fillStyle", SHADOW);
  context.beginPath();
  context.translate(0, 2);
  Konva.Util.drawRoundedRectPath(context, width, height, RADIUS);
  context.fill();
  context.translate(0, -2);
  context.beginPath();
  Konva.Util.drawRoundedRectPath(context, width, height, RADIUS);
  context.setAttr("fillStyle", colour);
  context.fill();
  if (stroke) {
    context.setAttr("strokeStyle", stroke);
    context.setAttr("lineWidth", 3);
    context.stroke();
  }
  context.beginPath();
  context.arc(width - DOT_INSET, height - DOT_INSET, DOT_RADIUS, 0, Math.PI * 2);
  context.setAttr("fillStyle", departmentColour(department));
  context.fill();
}

function ChannelChip({ channel, label, onIcon }: { channel: string; label: string; onIcon: () => void }) {
  const image = useIconImage(channel, CHANNEL_ICONS[isPresetChannel(channel) ? channel : "other"], "#0f766e", onIcon);
  return (
    <Group x={10} y={8} listening={false}>
      {image && <Image image={image} width={16} height={16} />}
      <CanvasText
        x={22}
        y={1}
        text={label}
        fontSize={12}
        fontStyle="bold"
        fill="#0f766e"
        wrap="none"
        ellipsis
        width={160}
      />
    </Group>
  );
}

/** An icon, not an emoji: the card's picture is made again when it arrives, as it is not for a font. */
function Padlock({ x, y, onIcon }: { x: number; y: number; onIcon: () => void }) {
  const image = useIconImage("lock", LOCK_ICON, MUTED, onIcon);
  return image ? (
    <Image x={x} y={y} image={image} width={PADLOCK_SIZE} height={PADLOCK_SIZE} listening={false} name="card-padlock" />
  ) : null;
}

function AlertBadge({ x, onIcon }: { x: number; onIcon: () => void }) {
  const image = useIconImage("alert", ALERT_ICON, "#b91c1c", onIcon);
  return image ? <Image x={x} y={8} image={image} width={18} height={18} listening={false} /> : null;
}

/** Hit regions of a card kept as a picture are this coarse (world units per pixel: 2). */
const HIT_RATIO = 0.5;
/** Room around a card's box its picture keeps for the shadow and the outline. */
const PICTURE_MARGIN = 4;

/**
 * One card. Memoised on its record object, which stays the same object until
 * that card changes, and on its place, so a remote edit redraws only its card.
 * What it shows besides the text follows its lane's kind. The whole card is
 * kept as one picture at the `TextResolution` (its texts not on their own),
 * made again when what it shows changes or an icon arrives: moving the view
 * copies it.
 */
export const CardNode = memo(function CardNode({
  card,
  kind,
  x,
  y,
  width,
  height,
  colour,
  selected,
  editedBy,
  draggable,
  locked,
  dots,
  merged,
  labels,
  handlers,
}: CardNodeProps) {
  const box = { x, y, width, height };
  const node = useRef<Konva.Group>(null);
  const resolution = useContext(TextResolution);
  const [icons, iconArrived] = useReducer((count: number) => count + 1, 0);
  const motion = useContext(ViewMotionContext);
  useLayoutEffect(() => {
    const group = node.current;
    if (group) keepAsPicture(group, resolution, { hitCanvasPixelRatio: HIT_RATIO, offset: PICTURE_MARGIN });
  }, [card, kind, width, height, colour, selected, editedBy, locked, dots, merged, labels, resolution, icons]);
  // A picture of the moving view that shows this card where it was, or as it was, is stale.
  useLayoutEffect(() => {
    const shown = { x, y, width, height };
    motion?.changed(shown);
    return () => motion?.changed(shown);
  }, [card, kind, x, y, width, height, colour, selected, editedBy, dots, merged, labels, resolution, icons, motion]);
  const target = { kind: "card", id: card.id } as const;
  const { tools } = handlers;
  const onDragEnd = (event: Konva.KonvaEventObject<DragEvent>) => {
    // The layout decides where cards sit: put the node back, then let the move (if any) re-place it.
    event.target.position({ x: box.x, y: box.y });
    tools.dragEnd(target, event);
  };
  const empty = card.text.trim() === "";
  const indicator = kind === "indicators" ? (card.indicator ?? null) : null;
  const alerting = indicator !== null && isAlerting(indicator);
  const owner = kind === "backstage" ? card.ownerDepartment : null;
  const channel = kind === "touchpoints" ? card.channel : null;
  const hasChip = Boolean(channel || owner || indicator);
  const textTop = indicator ? 48 : hasChip ? 30 : 10;
  const stroke = editedBy?.colour ?? (selected ? "#1d4ed8" : dots?.winner ? WINNER : alerting ? "#b91c1c" : undefined);
  const summary = indicator ? labels.indicator(indicator) : null;
  const group = {
    x: box.x,
    y: box.y,
    width: box.width,
    height: box.height,
    draggable,
    name: "card",
    id: `card-${card.id}`,
    onMouseDown: (e: Konva.KonvaEventObject<MouseEvent>) => tools.press(target, e),
    onTap: (e: Konva.KonvaEventObject<Event>) => tools.tap(target, e, 1),
    onClick: (e: Konva.KonvaEventObject<MouseEvent>) => tools.click(target, e),
    onDblTap: (e: Konva.KonvaEventObject<Event>) => tools.tap(target, e, 2),
    onDragStart: () => tools.dragStart(target),
    onDragEnd,
  };
  return (
    <Group ref={node} {...group}>
      <TextResolution.Provider value={null}>
        <Shape
          width={box.width}
          height={box.height}
          perfectDrawEnabled={false}
          sceneFunc={(context) => drawFace(context, box.width, box.height, colour, stroke, card.authorDepartment)}
          hitFunc={(context, shape) => {
            context.beginPath();
            context.rect(0, 0, box.width, box.height);
            context.closePath();
            context.fillStrokeShape(shape);
          }}
        />
        {channel && <ChannelChip channel={channel} label={labels.channel(channel)} onIcon={iconArrived} />}
        {owner && (
          <Group x={10} y={8} listening={false}>
            <Circle x={5} y={7} radius={5} fill={departmentColour(owner)} />
            <CanvasText
              x={14}
              y={1}
              text={labels.department(owner)}
              fontSize={12}
              fontStyle="bold"
              fill={MUTED}
              wrap="none"
              ellipsis
              width={170}
            />
          </Group>
        )}
        {summary && (
          <Group x={10} y={6} listening={false}>
            <CanvasText
              text={summary.headline}
              fontSize={17}
              fontStyle="bold"
              fill={alerting ? "#b91c1c" : INK}
              width={box.width - 44}
              wrap="none"
              ellipsis
            />
            <CanvasText
              y={22}
              text={summary.detail}
              fontSize={11}
              fill={MUTED}
              width={box.width - 20}
              wrap="none"
              ellipsis
            />
          </Group>
        )}
        {alerting && <AlertBadge x={box.width - 28} onIcon={iconArrived} />}
        {dots && <DotsBadge dots={dots} width={box.width} />}
        {merged > 1 && (
          <MergedBadge label={labels.merged(merged)} width={box.width} besideTotal={dots?.total != null} />
        )}
        {locked && (
          <Padlock x={box.width - PADLOCK_INSET} y={box.height - DOT_INSET - PADLOCK_SIZE / 2} onIcon={iconArrived} />
        )}
        <CanvasText
          x={10}
          y={textTop}
          listening={false}
          width={box.width - 20}
          height={box.height - textTop - 8}
          text={empty ? labels.placeholder : card.text}
          direction={empty ? "auto" : card.textDirection}
          fontSize={14}
          lineHeight={1.3}
          fill={empty ? "#64748b" : INK}
          fontStyle={empty ? "italic" : "normal"}
          wrap="word"
          ellipsis
        />
        {editedBy && (
          <CanvasText
            x={0}
            y={-18}
            text={editedBy.name}
            fontSize={12}
            fontStyle="bold"
            fill={editedBy.colour}
            listening={false}
          />
        )}
      </TextResolution.Provider>
    </Group>
  );
});
