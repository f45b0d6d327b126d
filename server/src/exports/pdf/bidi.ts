import bidiFactory from "bidi-js";

const bidi = bidiFactory();

/** A piece of a line that reads in one direction, ready to draw left to right. */
export interface VisualRun {
  /** The characters in logical order. */
  text: string;
  rtl: boolean;
}

/** A character of each bidirectional class that characters beyond the BMP have. */
const STAND_INS: Record<string, string> = {
  L: "a",
  R: "\u05d0",
  AL: "\u0627",
  EN: "0",
  AN: "\u0660",
  NSM: "\u0300",
  BN: "\u200b",
};

/**
 * The text with each character beyond the BMP (an emoji, a flag) as two
 * UTF-16 units of its own class: bidi-js classes a string unit by unit, and
 * took each half of an emoji for a left-to-right letter, so an emoji inside
 * Arabic came out as a left-to-right island.
 */
const unitByUnit = (text: string) =>
  text.replace(/[\u{10000}-\u{10ffff}]/gu, (char) => (STAND_INS[bidi.getBidiCharTypeName(char)] ?? "!").repeat(2));

/** Embedding levels of a paragraph, computed once and read line by line (UAX #9 resolves levels per paragraph). */
export const paragraphLevels = (text: string, rtl: boolean): Uint8Array =>
  bidi.getEmbeddingLevels(unitByUnit(text), rtl ? "rtl" : "ltr").levels;

/**
 * The runs of the line `text.slice(start, end)` in visual order, left to
 * right: runs of one level, then rule L2 of UAX #9 (from the highest level
 * down to the lowest odd one, reverse every sequence at that level or above).
 */
export function visualRuns(text: string, levels: Uint8Array, start: number, end: number): VisualRun[] {
  const runs: { from: number; to: number; level: number }[] = [];
  for (let i = start; i < end; i++) {
    const level = levels[i] ?? 0;
    const last = runs.at(-1);
    if (last && last.level === level) last.to = i + 1;
    else runs.push({ from: i, to: i + 1, level });
  }
  const highest = Math.max(0, ...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 ? r.level : r.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length;) {
      if (runs[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map((r) => ({ text: text.slice(r.from, r.to), rtl: r.level % 2 === 1 }));
}

/**
 * Brackets turned for a right-to-left run that the font shapes itself:
 * Vazirmatn leaves mirroring to the shaper (it has no `rtlm` feature), and
 * fontkit mirrors only through that feature.
 */
export const mirrored = (text: string): string =>
  [...text].map((char) => bidi.getMirroredCharacter(char) ?? char).join("");

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Characters in reverse order with brackets mirrored: how a right-to-left
 * run of neutrals is seen. An emoji of several code points (a skin tone, a
 * flag, a family) is one character.
 */
export const mirroredReverse = (text: string): string =>
  [...graphemes.segment(text)]
    .map(({ segment }) => bidi.getMirroredCharacter(segment) ?? segment)
    .reverse()
    .join("");
