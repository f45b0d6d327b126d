import "@fontsource/vazirmatn/400.css";
import "@fontsource/vazirmatn/700.css";
import "@fontsource/noto-emoji/400.css";
import "@fontsource/noto-emoji/700.css";
import { useEffect, useState } from "react";

import { EMOJI_FAMILY, FONT_FAMILY } from "./family";

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

/** Characters the shipped emoji font draws: its slices load only for the emoji a board holds. */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** Both weights: a card draws in the regular, a stage title in the bold. */
const EMOJI_FONTS = ["400", "700"].map((weight) => `${weight} 16px "${EMOJI_FAMILY}"`);

/**
 * Whether the canvas can draw `text` in its fonts now. Text with an emoji
 * whose slice of the emoji font has not loaded yet answers false, loads it,
 * and answers true once it is there: the caller draws again (a Konva text
 * measures its lines once, in the font it has when drawn).
 */
export function useFontsFor(text: string): boolean {
  const needed = EMOJI.test(text);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const ready = !needed || loadedFor === text || EMOJI_FONTS.every((font) => document.fonts.check(font, text));
  useEffect(() => {
    if (ready) return;
    let live = true;
    const done = () => live && setLoadedFor(text);
    void Promise.all(EMOJI_FONTS.map((font) => document.fonts.load(font, text))).then(done, done);
    return () => {
      live = false;
    };
  }, [text, ready]);
  return ready;
}
