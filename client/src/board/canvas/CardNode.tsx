import { memo } from "react";
import type Konva from "konva";
import { Circle, Group, Rect, Text } from "react-konva";
import { departmentColour, textDirection, type CardRecord } from "@journeyboard/shared";
import type { Rect as Box } from "../state/layout";

export interface CardHandlers {
  onPointerDown(id: string, additive: boolean): void;
  onEdit(id: string): void;
  onDrop(id: string, screenPoint: { x: number; y: number }): void;
}

export interface EditedBy {
  name: string;
  colour: string;
}

interface CardNodeProps {
  card: CardRecord;
  box: Box;
  colour: string;
  selected: boolean;
  editedBy: EditedBy | null;
  draggable: boolean;
  placeholder: string;
  handlers: CardHandlers;
}

/**
 * One card. Memoised on its record object and its box, which stay the same
 * objects until that card changes, so a remote edit redraws only its card.
 */
export const CardNode = memo(function CardNode({
  card,
  box,
  colour,
  selected,
  editedBy,
  draggable,
  placeholder,
  handlers,
}: CardNodeProps) {
  const onDragEnd = (event: Konva.KonvaEventObject<DragEvent>) => {
    const pointer = event.target.getStage()?.getPointerPosition();
    // The layout decides where cards sit: put the node back, then let the move (if any) re-place it.
    event.target.position({ x: box.x, y: box.y });
    if (pointer) handlers.onDrop(card.id, pointer);
  };
  const empty = card.text.trim() === "";
  return (
    <Group
      x={box.x}
      y={box.y}
      draggable={draggable}
      name="card"
      id={`card-${card.id}`}
      onMouseDown={(e) => handlers.onPointerDown(card.id, e.evt.shiftKey)}
      onTap={() => handlers.onPointerDown(card.id, false)}
      onDblClick={() => handlers.onEdit(card.id)}
      onDblTap={() => handlers.onEdit(card.id)}
      onDragStart={() => handlers.onPointerDown(card.id, false)}
      onDragEnd={onDragEnd}
    >
      <Rect
        width={box.width}
        height={box.height}
        fill={colour}
        cornerRadius={6}
        shadowColor="#0f172a"
        shadowOpacity={0.15}
        shadowBlur={4}
        shadowOffsetY={1}
        stroke={editedBy?.colour ?? (selected ? "#1d4ed8" : undefined)}
        strokeWidth={editedBy || selected ? 3 : 0}
      />
      <Text
        x={10}
        y={10}
        width={box.width - 20}
        height={box.height - 20}
        text={empty ? placeholder : card.text}
        fontSize={14}
        lineHeight={1.3}
        fill={empty ? "#64748b" : "#0f172a"}
        fontStyle={empty ? "italic" : "normal"}
        direction={textDirection(card.text)}
        align={textDirection(card.text) === "rtl" ? "right" : "left"}
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
