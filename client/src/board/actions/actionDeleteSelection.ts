import type { Action } from "./types";

export const actionDeleteSelection: Action = {
  id: "deleteSelection",
  labelKey: "actions.deleteSelection",
  shortcuts: [{ key: "Delete" }, { key: "Backspace" }],
  enabled: (c) => c.canEdit && c.getUi().selection.size > 0 && !c.isTyping(),
  refusal: (c) =>
    [...c.getUi().selection].some((id) => c.cardLocked(id) && !c.mayEditCard(id)) ? "lock.locked" : null,
  run: (c) => c.deleteSelection(),
};
