import type { Action } from "./types";

export const actionToggleHelp: Action = {
  id: "toggleHelp",
  labelKey: "actions.toggleHelp",
  shortcuts: [{ key: "?", shift: true }],
  enabled: () => true,
  run: (c) => c.togglePanel("help"),
};
