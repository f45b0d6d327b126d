import type { Action } from "./types";

export const actionRemoveDot: Action = {
  id: "removeDot",
  labelKey: "actions.removeDot",
  shortcuts: [{ key: "v", shift: true }],
  enabled: (c) => Boolean(c.voting?.canVote && c.voting.openRound()) && c.getUi().selection.size === 1 && !c.isTyping(),
  run: (c) => c.dotOnSelection(-1),
};
