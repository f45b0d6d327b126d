import type { Action } from "./types";

export const actionUndo: Action = {
  id: "undo",
  labelKey: "actions.undo",
  shortcuts: [{ key: "z", mod: true }],
  enabled: (c) => c.canEdit && c.getUi().canUndo,
  run: (c) => c.undo(),
};
