/**
 * One typeface for the page, the canvas and the SVG drawing, shipped with the
 * app (`fonts.ts`, no outside request): Vazirmatn covers Arabic, Persian (its
 * ZWNJ included) and Latin with Polish letters, so a text looks the same in a
 * panel and on a card. Emoji come in the system's colour emoji font where it
 * has one a browser can paint (Apple, Windows, Noto Color Emoji on Linux),
 * else in Noto Emoji, shipped too: its outlines draw in every browser (the
 * colour Noto from npm is COLRv1, which some Linux builds of Chromium leave
 * blank), and the PDF draws the same outlines. The page's stylesheet names
 * the same stack.
 */
export const FONT_FAMILY = "Vazirmatn";
export const EMOJI_FAMILY = "Noto Emoji";
const SYSTEM_EMOJI = '"Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"';
export const FONT_STACK = `${FONT_FAMILY}, ${SYSTEM_EMOJI}, "${EMOJI_FAMILY}", system-ui, sans-serif`;
