import { useSyncExternalStore } from "react";
import { Group, Rect } from "react-konva";
import type { BoardController } from "../BoardController";
import { CanvasText } from "../canvas/CanvasText";
import { GRID, type JourneyLayout } from "../state/layout";
import { useBoardVersion } from "../useBoard";
import type { DraftDesk } from "./DraftDesk";
import { draftBoxes } from "./draftsByCell";

interface Props {
  controller: BoardController;
  layout: JourneyLayout;
  /** "Draft · only you", in the reader's language. */
  label: string;
}

const LABEL_HEIGHT = 18;

/**
 * This person's private drafts on their own canvas: dashed, labelled as
 * theirs alone, after the cards of their cell. Only this browser draws
 * them; nobody else's canvas has them until they are published. Each
 * takes a slot of its own after the cards of its cell, which the layout
 * makes room for.
 */
export function DraftsLayer(props: Props) {
  const desk = props.controller.drafts;
  return desk ? <Drafts desk={desk} {...props} /> : null;
}

function Drafts({ desk, controller, layout, label }: Props & { desk: DraftDesk }) {
  // The cards of a cell come before its drafts: a card arriving moves them on.
  useBoardVersion(controller);
  const drafts = useSyncExternalStore(desk.subscribe, desk.list);
  const journeyId = controller.journeyId();
  const grid = controller.grid();
  if (!grid || !journeyId) return null;
  const boxes = draftBoxes(layout, grid, drafts, journeyId);
  return (
    <Group name="drafts">
      {drafts.map((draft) => {
        const box = boxes.get(draft.id);
        if (!box) return null;
        const inner = box.width - GRID.cellPadding;
        return (
          <Group key={draft.id} x={box.x} y={box.y} name="draft">
            <Rect
              width={box.width}
              height={box.height}
              fill="#fffdf2"
              stroke="#8a6d1f"
              strokeWidth={1.5}
              dash={[6, 4]}
              cornerRadius={6}
            />
            <CanvasText
              x={GRID.cellPadding / 2}
              y={4}
              width={inner}
              text={label}
              fontSize={11}
              fontStyle="bold"
              fill="#8a6d1f"
              wrap="none"
              ellipsis
            />
            <CanvasText
              x={GRID.cellPadding / 2}
              y={LABEL_HEIGHT + 2}
              width={inner}
              height={box.height - LABEL_HEIGHT - 6}
              text={draft.text}
              fontSize={13}
              fill="#3b3b3b"
              ellipsis
            />
          </Group>
        );
      })}
    </Group>
  );
}
