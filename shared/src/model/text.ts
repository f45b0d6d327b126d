/**
 * Direction of a piece of user text, from its first strong character (the
 * rule of the HTML `dir="auto"` attribute): a card that starts in Arabic or
 * Persian reads right to left even inside an English board.
 */
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const STRONG_CHAR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export function textDirection(text: string): "ltr" | "rtl" {
  const first = STRONG_CHAR.exec(text)?.[0];
  return first && RTL_CHAR.test(first) ? "rtl" : "ltr";
}

/**
 * A preset key as English words ("postPurchase" → "Post purchase"), for
 * what the server writes without the app's translations (exports).
 */
export const presetWords = (key: string): string => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
