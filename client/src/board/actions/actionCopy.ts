import { writeSelection } from "../clipboard";
import type { Action } from "./types";

export const actionCopy: Action = {
  id: "copy",
  labelKey: "actions.copy",
  shortcuts: [{ key: "c", mod: true }],
  clipboard: true,
  enabled: (c) => c.getUi().selection.size > 0 && !c.isTyping(),
  run: (c, clipboard) => {
    if (clipboard) writeSelection(c, clipboard);
  },
};
