import type { Action } from "./types";

export const actionZoomOut: Action = {
  id: "zoomOut",
  labelKey: "actions.zoomOut",
  shortcuts: [{ key: "-" }],
  enabled: () => true,
  run: (c) => c.zoomBy(0.8),
};
