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
