import { memo } from "react";
import type Konva from "konva";
import { Circle, Group, Image, Rect, Text } from "react-konva";
import {
  departmentColour,
  isAlerting,
  isPresetChannel,
  textDirection,
  type CardRecord,
  type Indicator,
  type LaneKind,
} from "@journeyboard/shared";
import type { Rect as Box } from "../state/layout";
import { ALERT_ICON, CHANNEL_ICONS, useIconImage } from "./icons";

export interface CardHandlers {
  onPointerDown(id: string, additive: boolean): void;
  onEdit(id: string): void;
  onDrop(id: string, screenPoint: { x: number; y: number }): void;
}

export interface EditedBy {
  name: string;
  colour: string;
}

/** Words a card shows besides its text, translated by the board. */
export interface CardLabels {
  placeholder: string;
  channel(channel: string): string;
  department(department: string): string;
  indicator(indicator: Indicator): { headline: string; detail: string };
}

interface CardNodeProps {
  card: CardRecord;
  kind: LaneKind;
  box: Box;
  colour: string;
  selected: boolean;
  editedBy: EditedBy | null;
  draggable: boolean;
  /** Far out, a card is a plain tile: its words would be too small to read and cost the most to draw. */
  tile: boolean;
  labels: CardLabels;
  handlers: CardHandlers;
}

const INK = "#0f172a";
const MUTED = "#475569";

function ChannelChip({ channel, label }: { channel: string; label: string }) {
  const image = useIconImage(channel, CHANNEL_ICONS[isPresetChannel(channel) ? channel : "other"], "#0f766e");
  return (
    <Group x={10} y={8}>
      {image && <Image image={image} width={16} height={16} />}
      <Text x={22} y={1} text={label} fontSize={12} fontStyle="bold" fill="#0f766e" wrap="none" ellipsis width={160} />
    </Group>
  );
}

function AlertBadge({ x }: { x: number }) {
  const image = useIconImage("alert", ALERT_ICON, "#b91c1c");
  return image ? <Image x={x} y={8} image={image} width={18} height={18} /> : null;
}

/**
 * One card. Memoised on its record object and its box, which stay the same
 * objects until that card changes, so a remote edit redraws only its card.
 * What it shows besides the text follows its lane's kind.
 */
export const CardNode = memo(function CardNode({
  card,
  kind,
  box,
  colour,
  selected,
  editedBy,
  draggable,
  tile,
  labels,
  handlers,
}: CardNodeProps) {
  const onDragEnd = (event: Konva.KonvaEventObject<DragEvent>) => {
    const pointer = event.target.getStage()?.getPointerPosition();
    // The layout decides where cards sit: put the node back, then let the move (if any) re-place it.
    event.target.position({ x: box.x, y: box.y });
    if (pointer) handlers.onDrop(card.id, pointer);
  };
  const empty = card.text.trim() === "";
  const direction = textDirection(card.text);
  const indicator = kind === "indicators" ? (card.indicator ?? null) : null;
  const alerting = indicator !== null && isAlerting(indicator);
  const owner = kind === "backstage" ? card.ownerDepartment : null;
  const channel = kind === "touchpoints" ? card.channel : null;
  const hasChip = Boolean(channel || owner || indicator);
  const textTop = indicator ? 48 : hasChip ? 30 : 10;
  const stroke = editedBy?.colour ?? (selected ? "#1d4ed8" : alerting ? "#b91c1c" : undefined);
  const summary = indicator ? labels.indicator(indicator) : null;
  const group = {
    x: box.x,
    y: box.y,
    draggable,
    name: "card",
    id: `card-${card.id}`,
    onMouseDown: (e: Konva.KonvaEventObject<MouseEvent>) => handlers.onPointerDown(card.id, e.evt.shiftKey),
    onTap: () => handlers.onPointerDown(card.id, false),
    onDblClick: () => handlers.onEdit(card.id),
    onDblTap: () => handlers.onEdit(card.id),
    onDragStart: () => handlers.onPointerDown(card.id, false),
    onDragEnd,
  };
  if (tile)
    return (
      <Group {...group}>
        <Rect
          width={box.width}
          height={box.height}
          fill={colour}
          stroke={stroke ?? departmentColour(card.authorDepartment)}
          strokeWidth={stroke ? 12 : 4}
          perfectDrawEnabled={false}
        />
      </Group>
    );
  return (
    <Group {...group}>
      <Rect
        width={box.width}
        height={box.height}
        fill={colour}
        cornerRadius={6}
        shadowColor={INK}
        shadowOpacity={0.15}
        shadowBlur={4}
        shadowOffsetY={1}
        stroke={stroke}
        strokeWidth={stroke ? 3 : 0}
      />
      {channel && <ChannelChip channel={channel} label={labels.channel(channel)} />}
      {owner && (
        <Group x={10} y={8}>
          <Circle x={5} y={7} radius={5} fill={departmentColour(owner)} />
          <Text
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
        <Group x={10} y={6}>
          <Text
            text={summary.headline}
            fontSize={17}
            fontStyle="bold"
            fill={alerting ? "#b91c1c" : INK}
            width={box.width - 44}
            wrap="none"
            ellipsis
          />
          <Text y={22} text={summary.detail} fontSize={11} fill={MUTED} width={box.width - 20} wrap="none" ellipsis />
        </Group>
      )}
      {alerting && <AlertBadge x={box.width - 28} />}
      <Text
        x={10}
        y={textTop}
        width={box.width - 20}
        height={box.height - textTop - 8}
        text={empty ? labels.placeholder : card.text}
        fontSize={14}
        lineHeight={1.3}
        fill={empty ? "#64748b" : INK}
        fontStyle={empty ? "italic" : "normal"}
        direction={direction}
        align={direction === "rtl" ? "right" : "left"}
        wrap="word"
        ellipsis
      />
      <Circle
        x={box.width - 9}
        y={box.height - 9}
        radius={4}
        fill={departmentColour(card.authorDepartment)}
        listening={false}
      />
      {editedBy && (
        <Text
          x={0}
          y={-18}
          text={editedBy.name}
          fontSize={12}
          fontStyle="bold"
          fill={editedBy.colour}
          listening={false}
        />
      )}
    </Group>
  );
});
