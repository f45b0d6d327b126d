import type { Action } from "./types";

export const actionAddCard: Action = {
  id: "addCard",
  labelKey: "actions.addCard",
  shortcuts: [{ key: "n" }],
  enabled: (c) => c.canEdit && !c.isTyping(),
  refusal: (c) => {
    const journeyId = c.journeyId();
    return journeyId && c.permissions.lockedFor("journeys", journeyId, {}) ? "lock.locked" : null;
  },
  run: (c) => c.addCard(),
};
