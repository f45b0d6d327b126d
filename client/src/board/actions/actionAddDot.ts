import type { Action } from "./types";

export const actionAddDot: Action = {
  id: "addDot",
  labelKey: "actions.addDot",
  shortcuts: [{ key: "v" }],
  enabled: (c) => Boolean(c.voting?.canVote && c.voting.openRound()) && c.getUi().selection.size === 1 && !c.isTyping(),
  run: (c) => c.dotOnSelection(1),
};
