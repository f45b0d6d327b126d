import { readPaste } from "../clipboard";
import type { Action } from "./types";

export const actionPaste: Action = {
  id: "paste",
  labelKey: "actions.paste",
  shortcuts: [{ key: "v", mod: true }],
  clipboard: true,
  enabled: (c) => c.canEdit && !c.isTyping(),
  run: (c, clipboard) => {
    if (!clipboard) return;
    const pasted = readPaste(clipboard);
    if (pasted.ok) c.paste(pasted.cards);
    else c.notify({ key: "notice.pasteInvalid", values: { reason: pasted.error } });
  },
};
