import type { Action } from "./types";

/** Shift+Space (or Ctrl+Space): the card the keyboard is on joins the selection or leaves it. */
export const actionToggleInSelection: Action = {
  id: "toggleInSelection",
  labelKey: "actions.toggleInSelection",
  shortcuts: [
    { key: " ", shift: true },
    { key: " ", mod: true },
  ],
  onCanvas: true,
  enabled: (c) => !c.isTyping() && Boolean(c.keyboardFocus() && "card" in c.keyboardFocus()!),
  run: (c) => c.toggleFocusedCard(),
};
