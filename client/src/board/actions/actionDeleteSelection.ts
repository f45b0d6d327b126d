import type { Action } from "./types";

export const actionDeleteSelection: Action = {
  id: "deleteSelection",
  labelKey: "actions.deleteSelection",
  shortcuts: [{ key: "Delete" }, { key: "Backspace" }],
  enabled: (c) => c.canEdit && c.getUi().selection.size > 0 && !c.isTyping(),
  refusal: (c) => [...c.getUi().selection].map(c.cardRefusal).find(Boolean) ?? null,
  run: (c) => c.deleteSelection(),
};
