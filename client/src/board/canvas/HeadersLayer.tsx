import { memo } from "react";
import type Konva from "konva";
import { Group, Rect } from "react-konva";
import type { LaneRecord, StageRecord } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import { GRID, sameFrame, type JourneyLayout } from "../state/layout";
import { isDoubleClick } from "./doubleClick";

const setCursor = (event: Konva.KonvaEventObject<MouseEvent>, cursor: string) => {
  const container = event.target.getStage()?.container();
  if (container) container.style.cursor = cursor;
};

interface HeadersProps {
  controller: BoardController;
  layout: JourneyLayout;
  /** What this person may change now, given by the canvas at each render: the phase can change under a memo. */
  allowed: { stages: boolean; lanes: boolean };
  /** The board's locks, a new set at each change: a locked stage or lane is not dragged or resized by whom it holds. */
  locks: ReadonlySet<string>;
}

/**
 * Invisible targets over the stage and lane headers: a click opens the
 * header's menu (or says why not), a drag reorders, the edge of a stage
 * header resizes it; dragging and resizing only where this person may
 * change stages or lanes now and no lock holds them.
 */
export const HeadersLayer = memo(
  function HeadersLayer({ controller, layout, allowed }: HeadersProps) {
    const { lockedFor } = controller.permissions;
    const stageMoves = (stage: StageRecord) => allowed.stages && !lockedFor("stages", stage.id, stage);
    const laneMoves = (lane: LaneRecord) => allowed.lanes && !lockedFor("lanes", lane.id, lane);
    const pointer = (event: Konva.KonvaEventObject<Event>) => event.target.getStage()?.getPointerPosition() ?? null;
    const open = (axis: "stage" | "lane", id: string) => (event: Konva.KonvaEventObject<Event>) => {
      event.cancelBubble = true;
      const at = pointer(event);
      // The controller opens the menu, or says why it does not.
      if (at) controller.openMenu({ axis, id, x: at.x, y: at.y });
    };
    const dropped =
      (axis: "stage" | "lane", id: string, x: number, y: number) => (event: Konva.KonvaEventObject<DragEvent>) => {
        const at = pointer(event);
        event.target.position({ x, y });
        if (at) controller.dropHeader(axis, id, at);
      };
    return (
      <Group>
        {layout.columns.map(({ stage, x, width }) => (
          <Rect
            key={`stage-${stage.id}`}
            name="stage-header"
            x={x}
            y={0}
            width={width}
            height={GRID.stageHeaderHeight}
            fill="transparent"
            draggable={stageMoves(stage)}
            dragBoundFunc={function (this: Konva.Node, position) {
              return { x: position.x, y: this.getAbsolutePosition().y };
            }}
            onClick={open("stage", stage.id)}
            onTap={open("stage", stage.id)}
            onDragEnd={dropped("stage", stage.id, x, 0)}
            onMouseEnter={(e) => setCursor(e, stageMoves(stage) ? "grab" : "default")}
            onMouseLeave={(e) => setCursor(e, "")}
          />
        ))}
        {layout.columns
          .filter((c) => !c.stage.collapsed && stageMoves(c.stage))
          .map(({ stage, x, width }) => (
            <Rect
              key={`resize-${stage.id}`}
              name="stage-resize"
              x={x + width - 5}
              y={0}
              width={10}
              height={GRID.stageHeaderHeight}
              fill="transparent"
              draggable
              dragBoundFunc={function (this: Konva.Node, position) {
                return { x: position.x, y: this.getAbsolutePosition().y };
              }}
              onDragEnd={(event) => {
                const newWidth = event.target.x() - x + 5;
                event.target.position({ x: x + width - 5, y: 0 });
                controller.commands.resizeStage(stage.id, newWidth);
              }}
              onClick={(e) => isDoubleClick(e) && controller.commands.resizeStage(stage.id, null)}
              onMouseEnter={(e) => setCursor(e, "ew-resize")}
              onMouseLeave={(e) => setCursor(e, "")}
            />
          ))}
        {layout.rows.map(({ lane, y, height }) => (
          <Rect
            key={`lane-${lane.id}`}
            name="lane-header"
            x={layout.laneHeaderX}
            y={y}
            width={GRID.laneHeaderWidth}
            height={height}
            fill="transparent"
            draggable={laneMoves(lane)}
            dragBoundFunc={function (this: Konva.Node, position) {
              return { x: this.getAbsolutePosition().x, y: position.y };
            }}
            onClick={open("lane", lane.id)}
            onTap={open("lane", lane.id)}
            onDragEnd={dropped("lane", lane.id, layout.laneHeaderX, y)}
            onMouseEnter={(e) => setCursor(e, laneMoves(lane) ? "grab" : "default")}
            onMouseLeave={(e) => setCursor(e, "")}
          />
        ))}
      </Group>
    );
  },
  (a: HeadersProps, b: HeadersProps) =>
    a.controller === b.controller &&
    sameFrame(a.layout, b.layout) &&
    a.allowed.stages === b.allowed.stages &&
    a.allowed.lanes === b.allowed.lanes &&
    a.locks === b.locks,
);
