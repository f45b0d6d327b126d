import type { Action } from "./types";

export const actionAddCard: Action = {
  id: "addCard",
  labelKey: "actions.addCard",
  shortcuts: [{ key: "n" }],
  enabled: (c) => c.canEdit && !c.isTyping(),
  run: (c) => c.addCard(),
};
