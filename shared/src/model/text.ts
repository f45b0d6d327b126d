const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const STRONG_CHAR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * Direction of a piece of user text, from its first strong character (the
 * rule of the HTML `dir="auto"` attribute): a card that starts in Arabic or
 * Persian reads right to left even inside an English board.
 */
export function textDirection(text: string): "ltr" | "rtl" {
  const first = STRONG_CHAR.exec(text)?.[0];
  return first && RTL_CHAR.test(first) ? "rtl" : "ltr";
}

/**
 * How a card's text is set: from its content (`auto`, the default), or
 * right to left or left to right whatever it starts with, for a text whose
 * first strong character is not the language it is written in (a Persian
 * sentence that opens with a brand name, an English one that quotes Arabic).
 */
export const TEXT_DIRECTIONS = ["auto", "rtl", "ltr"] as const;
export type TextDirectionSetting = (typeof TEXT_DIRECTIONS)[number];

/** The direction a text is set in under its setting. */
export const directionOf = (text: string, setting: TextDirectionSetting = "auto"): "ltr" | "rtl" =>
  setting === "auto" ? textDirection(text) : setting;

/**
 * A preset key as English words ("postPurchase" → "Post purchase"), for
 * what the server writes without the app's translations (exports).
 */
export const presetWords = (key: string): string => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
