import type { ToolState } from "./types";

/**
 * Konva moves a card with the pointer; where it is let go, the card moves to
 * the cell there (or goes back, said why, when it may not). The release of the
 * pointer comes before Konva's end of the drag, so only the latter ends it.
 */
export function draggingCard(id: string): ToolState {
  return {
    id: "draggingCard",
    tracking: false,
    card: id,
    handle(event, { board }) {
      if (event.type !== "dragEnd" || event.target.kind !== "card" || event.target.id !== id) return undefined;
      if (event.at) board.dropCard(id, event.at.screen);
      return "idle";
    },
  };
}
