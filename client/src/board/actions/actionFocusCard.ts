import type { Direction } from "../state/navigation";
import type { Action } from "./types";

export const ARROWS: Record<string, Direction> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};

export const actionFocusCard: Action = {
  id: "focusCard",
  labelKey: "actions.focusCard",
  shortcuts: Object.keys(ARROWS).map((key) => ({ key })),
  onCanvas: true,
  enabled: (c) => !c.isTyping(),
  run: (c, _clipboard, key) => {
    const direction = key ? ARROWS[key] : undefined;
    if (direction) c.moveFocus(direction);
  },
};
