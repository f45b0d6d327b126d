import type Konva from "konva";
import { Group, Rect } from "react-konva";
import { CanvasText } from "./CanvasText";
import type { ClusterTarget } from "../BoardController";
import { GRID, type HeadingBox } from "../state/layout";

/** A heading pressed: its cluster, and the point on the stage it was pressed at (the menu opens there). */
export type OnHeading = (cluster: ClusterTarget, at: { x: number; y: number }) => void;

const INK = "#ffffff";
const BAND = "#334155";
const FRAME = "rgba(51, 65, 85, 0.08)";
/** How far a cluster's frame reaches round its heading and cards. */
const FRAME_MARGIN = 5;

/**
 * The heading of each cluster of a cell, once over its cards, with a light
 * frame round them: its name set from the side it reads from (an Arabic
 * name from the right). A press on it opens its menu (rename, ungroup).
 */
export function ClusterHeadings({
  cell,
  headings,
  bottoms,
  onHeading,
}: {
  cell: { stageId: string; laneId: string };
  headings: readonly HeadingBox[];
  /** Where each heading's last card ends (world y), by heading. */
  bottoms: readonly number[];
  onHeading: OnHeading;
}) {
  return headings.map((heading, i) => {
    const open = (event: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
      event.cancelBubble = true;
      const at = event.target.getStage()?.getPointerPosition();
      if (at) onHeading({ ...cell, cluster: heading.cluster }, at);
    };
    const frameHeight = (bottoms[i] ?? heading.y + heading.height) - heading.y + FRAME_MARGIN * 2;
    return (
      <Group key={`${heading.cluster}/${heading.first}`} name="cluster-heading">
        <Rect
          x={heading.x - FRAME_MARGIN}
          y={heading.y - FRAME_MARGIN}
          width={heading.width + FRAME_MARGIN * 2}
          height={frameHeight}
          cornerRadius={8}
          fill={FRAME}
          listening={false}
        />
        <Group x={heading.x} y={heading.y} onMouseDown={open} onTap={open}>
          <Rect width={heading.width} height={heading.height} cornerRadius={6} fill={BAND} />
          <CanvasText
            x={10}
            y={(heading.height - 14) / 2}
            width={heading.width - 20}
            text={heading.cluster}
            fontSize={13}
            fontStyle="bold"
            fill={INK}
            wrap="none"
            ellipsis
            listening={false}
          />
        </Group>
      </Group>
    );
  });
}

/** Where the last card under each heading ends. */
export const headingBottoms = (headings: readonly HeadingBox[], slotTop: (index: number) => number): number[] =>
  headings.map((heading) => slotTop(heading.first + heading.count - 1) + GRID.cardHeight);
