import type { Action } from "./types";

export const actionToggleMinimap: Action = {
  id: "toggleMinimap",
  labelKey: "actions.toggleMinimap",
  shortcuts: [{ key: "m" }],
  enabled: (c) => !c.isTyping(),
  run: (c) => c.toggleMinimap(),
};
