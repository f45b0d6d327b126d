import { memo } from "react";
import { Group, Line, Rect } from "react-konva";
import { CanvasText } from "./CanvasText";
import { LANE_COLOURS } from "@journeyboard/shared";
import type { PlacedLine } from "../state/blueprint";
import { GRID, sameFrame, type JourneyLayout } from "../state/layout";

export interface GridLabels {
  stage: (id: string) => string;
  lane: (id: string) => string;
}

interface GridProps {
  layout: JourneyLayout;
  labels: GridLabels;
  /** A service blueprint's lines between lanes, with their names. */
  lines: ReadonlyArray<PlacedLine & { label: string }>;
}

const LINE_COLOUR = "#334155";

/**
 * The journey grid behind the cards: stage headers, lane bands and their
 * titles. It never listens to the pointer; the stage works out which cell a
 * point is in from the layout, and HeadersLayer takes clicks on headers.
 */
export const GridLayer = memo(
  function GridLayer({ layout, labels, lines }: GridProps) {
    const cellsWidth = layout.width - GRID.laneHeaderWidth;
    const cellsX = layout.laneHeaderX === 0 ? GRID.laneHeaderWidth : 0;
    return (
      <Group listening={false}>
        <Rect
          x={0}
          y={0}
          width={layout.width}
          height={layout.height}
          fill="#ffffff"
          cornerRadius={10}
          shadowColor="#0f172a"
          shadowOpacity={0.08}
          shadowBlur={16}
        />
        {layout.rows.map(({ lane, y, height }) => (
          <Group key={lane.id}>
            <Rect x={cellsX} y={y} width={cellsWidth} height={height} fill={LANE_COLOURS[lane.kind].lane} />
            <Rect
              x={layout.laneHeaderX}
              y={y}
              width={GRID.laneHeaderWidth}
              height={height}
              fill={LANE_COLOURS[lane.kind].card}
              opacity={0.55}
            />
            <CanvasText
              x={layout.laneHeaderX + 14}
              y={y + (lane.collapsed ? 12 : 14)}
              width={GRID.laneHeaderWidth - 40}
              height={lane.collapsed ? 20 : height - 28}
              name="lane-title"
              text={labels.lane(lane.id)}
              fontSize={16}
              fontStyle="bold"
              fill="#1e293b"
              wrap={lane.collapsed ? "none" : "word"}
              ellipsis={lane.collapsed}
            />
            <Line points={[0, y, layout.width, y]} stroke="#e2e8f0" strokeWidth={1} />
          </Group>
        ))}
        {lines.map(({ line, y, label }) => (
          <Group key={line} name="blueprint-line">
            <Line points={[0, y, layout.width, y]} stroke={LINE_COLOUR} strokeWidth={2} dash={[10, 6]} />
            <CanvasText
              x={cellsX + 8}
              y={y + 3}
              text={label}
              name="blueprint-line-label"
              fontSize={11}
              fontStyle="bold"
              fill={LINE_COLOUR}
            />
          </Group>
        ))}
        {layout.columns.map(({ stage, x, width }) =>
          stage.collapsed ? (
            <Group key={stage.id}>
              <Rect x={x} y={0} width={width} height={layout.height} fill="#f8fafc" opacity={0.8} />
              <CanvasText
                x={x + width / 2 - 9}
                y={GRID.stageHeaderHeight + 8}
                rotation={90}
                offsetY={0}
                width={Math.max(80, layout.height - GRID.stageHeaderHeight - 16)}
                name="stage-title"
                text={labels.stage(stage.id)}
                fontSize={15}
                fontStyle="bold"
                fill="#475569"
                wrap="none"
                ellipsis
              />
              <Line points={[x, 0, x, layout.height]} stroke="#e2e8f0" strokeWidth={1} />
            </Group>
          ) : (
            <Group key={stage.id}>
              <CanvasText
                x={x + 12}
                y={14}
                width={width - 40}
                height={GRID.stageHeaderHeight - 20}
                name="stage-title"
                text={labels.stage(stage.id)}
                fontSize={18}
                fontStyle="bold"
                fill="#0f172a"
                align="center"
                verticalAlign="middle"
                ellipsis
                wrap="none"
              />
              <Line points={[x, 0, x, layout.height]} stroke="#e2e8f0" strokeWidth={1} />
            </Group>
          ),
        )}
      </Group>
    );
  },
  (a: GridProps, b: GridProps) => sameFrame(a.layout, b.layout) && a.labels === b.labels && a.lines === b.lines,
);
