import { ARROWS } from "./actionFocusCard";
import type { Action } from "./types";

export const actionMoveCard: Action = {
  id: "moveCard",
  labelKey: "actions.moveCard",
  shortcuts: Object.keys(ARROWS).map((key) => ({ key, shift: true })),
  onCanvas: true,
  enabled: (c) => c.canEdit && c.getUi().selection.size > 0 && !c.isTyping(),
  run: (c, _clipboard, key) => {
    const direction = key ? ARROWS[key] : undefined;
    if (direction) c.moveSelected(direction);
  },
};
