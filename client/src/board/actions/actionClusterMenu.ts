import type { Action } from "./types";

export const actionClusterMenu: Action = {
  id: "clusterMenu",
  labelKey: "actions.clusterMenu",
  shortcuts: [{ key: "g" }],
  onCanvas: true,
  enabled: (c) => c.clusterAtFocus() !== null && !c.isTyping(),
  run: (c) => c.openClusterMenuAtFocus(),
};
