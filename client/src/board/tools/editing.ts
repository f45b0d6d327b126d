import type { ToolState } from "./types";

/**
 * A card opened for typing by a double-click or a double tap. Its editor
 * (`CardEditor`) takes the keys and closes the edit; the pointer's next use on
 * the board (which takes the focus from the editor, closing it) starts over
 * in idle.
 */
export function editing(id: string): ToolState {
  return {
    id: "editing",
    tracking: false,
    card: id,
    handle: (event) =>
      event.type === "pointerMove" || event.type === "keyDown" || event.type === "keyUp" ? undefined : "restart",
  };
}
