import type { Action } from "./types";

export const actionZoomToFit: Action = {
  id: "zoomToFit",
  labelKey: "actions.zoomToFit",
  shortcuts: [{ key: "1", shift: true }],
  enabled: () => true,
  run: (c) => c.zoomToFit(),
};
