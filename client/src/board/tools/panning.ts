import type { Point, ToolState } from "./types";

/** The view follows the pointer from where it was pressed, in screen pixels, until it is released. */
export function panning(from: Point): ToolState {
  let last = from;
  return {
    id: "panning",
    tracking: true,
    handle(event, { board }) {
      switch (event.type) {
        case "pointerMove": {
          const point = event.at.screen;
          board.panBy(last.x - point.x, last.y - point.y);
          last = point;
          return undefined;
        }
        case "pointerUp":
        case "cancel":
          return "idle";
        case "pointerDown":
          return "restart";
        case "click":
        case "tap":
        case "dragStart":
        case "dragEnd":
        case "keyDown":
        case "keyUp":
          return undefined;
      }
    },
  };
}
