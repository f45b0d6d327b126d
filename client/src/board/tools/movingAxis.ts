import type { Axis, ToolState } from "./types";

/** Konva moves a stage or lane header along its axis; let go, it takes the place there among its siblings. */
export function movingAxis(axis: Axis, id: string): ToolState {
  return {
    id: "movingAxis",
    tracking: false,
    handle(event, { board }) {
      const { type } = event;
      if (type !== "dragEnd" || event.target.kind !== "header" || event.target.id !== id) return undefined;
      if (event.at) board.dropHeader(axis, id, event.at.screen);
      return "idle";
    },
  };
}
