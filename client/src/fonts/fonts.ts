import "@fontsource/vazirmatn/400.css";
import "@fontsource/vazirmatn/700.css";

import { FONT_FAMILY } from "./family";

/** A letter of each subset the stylesheets split the font into (Latin, Latin Extended, Arabic). */
const SUBSETS_SAMPLE = "Aąع";

/**
 * Loads both weights in every subset before the first drawing: Konva draws
 * with whatever the browser has at that moment and never draws again by
 * itself, so a card drawn before the font arrived would keep the fallback.
 * A font that cannot load leaves the fallback, never a blank page.
 */
export const fontsReady = (): Promise<unknown> =>
  Promise.all(
    ["400", "700"].map((weight) => document.fonts.load(`${weight} 16px ${FONT_FAMILY}`, SUBSETS_SAMPLE)),
  ).catch(() => undefined);
