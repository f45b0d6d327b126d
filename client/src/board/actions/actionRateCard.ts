import { EMOTION_VALUES } from "@journeyboard/shared";
import type { Action } from "./types";

/** Keys 1 to 5 give the step's five ratings, from very bad to very good. */
const KEYS = EMOTION_VALUES.map((_, i) => String(i + 1));

export const actionRateCard: Action = {
  id: "rateCard",
  labelKey: "actions.rateCard",
  shortcuts: KEYS.map((key) => ({ key })),
  onCanvas: true,
  enabled: (c) => c.ratesSelection() && !c.isTyping(),
  run: (c, _clipboard, key) => {
    const value = EMOTION_VALUES[KEYS.indexOf(key ?? "")];
    if (value !== undefined) c.rateSelected(value);
  },
};
