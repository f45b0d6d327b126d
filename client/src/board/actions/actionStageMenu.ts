import type { Action } from "./types";

export const actionStageMenu: Action = {
  id: "stageMenu",
  labelKey: "actions.stageMenu",
  shortcuts: [{ key: "s" }],
  onCanvas: true,
  enabled: (c) => c.canEdit && c.keyboardFocus() !== null && !c.isTyping(),
  run: (c) => c.openMenuAtFocus("stage"),
};
