/**
 * One typeface for the page, the canvas and the SVG drawing, shipped with the
 * app (`fonts.ts`, no outside request): Vazirmatn covers Arabic, Persian (its
 * ZWNJ included) and Latin with Polish letters, so a text looks the same in a
 * panel and on a card.
 */
export const FONT_FAMILY = "Vazirmatn";
export const FONT_STACK = `${FONT_FAMILY}, system-ui, sans-serif`;
