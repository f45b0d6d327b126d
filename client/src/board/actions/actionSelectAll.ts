import type { Action } from "./types";

export const actionSelectAll: Action = {
  id: "selectAll",
  labelKey: "actions.selectAll",
  shortcuts: [{ key: "a", mod: true }],
  enabled: (c) => !c.isTyping(),
  run: (c) => c.selectAll(),
};
