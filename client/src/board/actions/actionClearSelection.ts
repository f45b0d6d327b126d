import type { Action } from "./types";

export const actionClearSelection: Action = {
  id: "clearSelection",
  labelKey: "actions.clearSelection",
  shortcuts: [{ key: "Escape" }],
  enabled: (c) => c.getUi().selection.size > 0 && !c.isTyping(),
  run: (c) => c.clearSelection(),
};
