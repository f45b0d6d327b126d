import { ARROWS } from "./actionFocusCard";
import type { Action } from "./types";

/** Ctrl (Cmd) and an arrow: the keyboard goes on to the next card or cell without selecting it, to choose several. */
export const actionFocusKeepSelection: Action = {
  id: "focusKeepSelection",
  labelKey: "actions.focusKeepSelection",
  shortcuts: Object.keys(ARROWS).map((key) => ({ key, mod: true })),
  onCanvas: true,
  enabled: (c) => !c.isTyping(),
  run: (c, _clipboard, key) => {
    const direction = key ? ARROWS[key] : undefined;
    if (direction) c.moveFocus(direction, true);
  },
};
