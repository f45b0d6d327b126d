import { memo } from "react";
import type Konva from "konva";
import { Group, Rect } from "react-konva";
import type { LaneRecord, StageRecord } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import { GRID, sameFrame, type JourneyLayout } from "../state/layout";
import type { Target } from "../tools/types";
import type { ToolReports } from "./useTools";

const setCursor = (event: Konva.KonvaEventObject<MouseEvent>, cursor: string) => {
  const container = event.target.getStage()?.container();
  if (container) container.style.cursor = cursor;
};

interface HeadersProps {
  controller: BoardController;
  tools: ToolReports;
  layout: JourneyLayout;
  /** What this person may change now, given by the canvas at each render: the phase can change under a memo. */
  allowed: { stages: boolean; lanes: boolean };
  /** The board's locks, a new set at each change: a locked stage or lane is not dragged or resized by whom it holds. */
  locks: ReadonlySet<string>;
}

/**
 * Invisible targets over the stage and lane headers, which report the pointer
 * to the tools: a click opens the header's menu (or says why not), a drag
 * reorders, the edge of a stage header resizes it. Konva drags a header or an
 * edge only where this person may change stages or lanes now and no lock
 * holds them.
 */
export const HeadersLayer = memo(
  function HeadersLayer({ controller, tools, layout, allowed }: HeadersProps) {
    const { lockedFor } = controller.permissions;
    const stageMoves = (stage: StageRecord) => allowed.stages && !lockedFor("stages", stage.id, stage);
    const laneMoves = (lane: LaneRecord) => allowed.lanes && !lockedFor("lanes", lane.id, lane);
    const header = (axis: "stage" | "lane", id: string): Target => ({ kind: "header", axis, id });
    // A header answers its own clicks: the board under it does not see them.
    const clicked = (target: Target) => (event: Konva.KonvaEventObject<MouseEvent>) => {
      event.cancelBubble = true;
      tools.click(target, event);
    };
    const tapped = (target: Target) => (event: Konva.KonvaEventObject<Event>) => {
      event.cancelBubble = true;
      tools.tap(target, event, 1);
    };
    // The layout decides where headers sit: the node goes back, and the move (if any) re-places it.
    const dropped = (target: Target, x: number, y: number) => (event: Konva.KonvaEventObject<DragEvent>) => {
      event.target.position({ x, y });
      tools.dragEnd(target, event);
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
            onClick={clicked(header("stage", stage.id))}
            onTap={tapped(header("stage", stage.id))}
            onDragStart={() => tools.dragStart(header("stage", stage.id))}
            onDragEnd={dropped(header("stage", stage.id), x, 0)}
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
              onDragStart={() => tools.dragStart({ kind: "stage-edge", id: stage.id, left: x })}
              onDragEnd={(event) => {
                const edge = { x: event.target.x() + 5, y: 0 };
                event.target.position({ x: x + width - 5, y: 0 });
                tools.dragEnd({ kind: "stage-edge", id: stage.id, left: x }, event, edge);
              }}
              onClick={clicked({ kind: "stage-edge", id: stage.id, left: x })}
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
            onClick={clicked(header("lane", lane.id))}
            onTap={tapped(header("lane", lane.id))}
            onDragStart={() => tools.dragStart(header("lane", lane.id))}
            onDragEnd={dropped(header("lane", lane.id), layout.laneHeaderX, y)}
            onMouseEnter={(e) => setCursor(e, laneMoves(lane) ? "grab" : "default")}
            onMouseLeave={(e) => setCursor(e, "")}
          />
        ))}
      </Group>
    );
  },
  (a: HeadersProps, b: HeadersProps) =>
    a.controller === b.controller &&
    a.tools === b.tools &&
    sameFrame(a.layout, b.layout) &&
    a.allowed.stages === b.allowed.stages &&
    a.allowed.lanes === b.allowed.lanes &&
    a.locks === b.locks,
);
