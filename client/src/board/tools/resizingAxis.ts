import type { ToolState } from "./types";

/**
 * Konva moves the edge at the end of a stage's header; where it is let go
 * (the `at` of the drag's end is the edge's place) is the stage's new end.
 */
export function resizingAxis(id: string, left: number): ToolState {
  return {
    id: "resizingAxis",
    tracking: false,
    handle(event, { board }) {
      if (event.type !== "dragEnd" || event.target.kind !== "stage-edge" || event.target.id !== id) return undefined;
      if (event.at) board.resizeStage(id, event.at.world.x - left);
      return "idle";
    },
  };
}
