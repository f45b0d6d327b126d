import type { Point, ToolContext, ToolState } from "./types";

/**
 * A box dragged out from a press on the background: it selects the cards it
 * touches, added to `base` (the selection before, when Shift was held).
 */
export function marquee(origin: Point, base: ReadonlySet<string>, { board }: ToolContext): ToolState {
  board.showMarquee({ ...origin, width: 0, height: 0 }, base);
  return {
    id: "marquee",
    tracking: true,
    handle(event, context) {
      switch (event.type) {
        case "pointerMove": {
          const to = event.at.world;
          const box = {
            x: Math.min(origin.x, to.x),
            y: Math.min(origin.y, to.y),
            width: Math.abs(to.x - origin.x),
            height: Math.abs(to.y - origin.y),
          };
          context.board.showMarquee(box, new Set([...base, ...context.board.cardsIn(box)]));
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
    exit: (context) => context.board.showMarquee(null),
  };
}
