import { draggingCard } from "./draggingCard";
import type { ToolState } from "./types";

/**
 * A card is pressed (and selected): the press ends where it began, or Konva
 * starts dragging the card, which then is the one selected card.
 */
export function pointingCard(id: string): ToolState {
  return {
    id: "pointingCard",
    tracking: true,
    card: id,
    handle(event, { board }) {
      switch (event.type) {
        case "dragStart":
          if (event.target.kind !== "card") return undefined;
          board.select(event.target.id, false);
          return draggingCard(event.target.id);
        case "pointerUp":
        case "cancel":
          return "idle";
        case "pointerDown":
        case "click":
        case "tap":
          return "restart";
        case "pointerMove":
        case "dragEnd":
        case "keyDown":
        case "keyUp":
          return undefined;
      }
    },
  };
}
