import type { Action } from "./types";

export const actionEditCard: Action = {
  id: "editCard",
  labelKey: "actions.editCard",
  shortcuts: [{ key: "Enter" }],
  onCanvas: true,
  enabled: (c) => c.canEdit && c.getUi().selection.size === 1 && !c.isTyping(),
  run: (c) => c.startEditing([...c.getUi().selection][0]!),
};
