import type { Action } from "./types";

export const actionRedo: Action = {
  id: "redo",
  labelKey: "actions.redo",
  shortcuts: [
    { key: "z", mod: true, shift: true },
    { key: "y", mod: true },
  ],
  enabled: (c) => c.canEdit && c.getUi().canRedo,
  run: (c) => c.redo(),
};
