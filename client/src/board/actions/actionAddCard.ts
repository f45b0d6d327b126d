import type { Action } from "./types";

export const actionAddCard: Action = {
  id: "addCard",
  labelKey: "actions.addCard",
  shortcuts: [{ key: "n" }],
  enabled: (c) => c.canEdit && !c.getUi().editing,
  run: (c) => c.addCard(),
};
