import type { Action } from "./types";

export const actionZoomIn: Action = {
  id: "zoomIn",
  labelKey: "actions.zoomIn",
  shortcuts: [{ key: "=" }, { key: "+", shift: true }],
  enabled: () => true,
  run: (c) => c.zoomBy(1.25),
};
