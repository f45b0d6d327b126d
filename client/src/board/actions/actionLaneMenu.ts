import type { Action } from "./types";

export const actionLaneMenu: Action = {
  id: "laneMenu",
  labelKey: "actions.laneMenu",
  shortcuts: [{ key: "l" }],
  onCanvas: true,
  enabled: (c) => c.canEdit && c.keyboardFocus() !== null && !c.isTyping(),
  run: (c) => c.openMenuAtFocus("lane"),
};
