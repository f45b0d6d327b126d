import { writeSelection } from "../clipboard";
import type { Action } from "./types";

export const actionCut: Action = {
  id: "cut",
  labelKey: "actions.cut",
  shortcuts: [{ key: "x", mod: true }],
  clipboard: true,
  enabled: (c) => c.canEdit && c.getUi().selection.size > 0 && !c.isTyping(),
  run: (c, clipboard) => {
    if (clipboard && writeSelection(c, clipboard)) c.deleteSelection();
  },
};
