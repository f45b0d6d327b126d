import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";

const require = createRequire(import.meta.url);

export type FontName = "regular" | "bold";
const WEIGHTS: Record<FontName, number> = { regular: 400, bold: 700 };

/**
 * Vazirmatn, the typeface of the page and the canvas (there from
 * `@fontsource/vazirmatn`, here as the same release's TrueType files):
 * Arabic, Persian and Latin with Polish letters.
 */
const TEXT: Record<FontName, string> = {
  regular: require.resolve("vazirmatn/fonts/ttf/Vazirmatn-Regular.ttf"),
  bold: require.resolve("vazirmatn/fonts/ttf/Vazirmatn-Bold.ttf"),
};
/** What Vazirmatn lacks (arrows, check marks, stars), as a browser falls back to a sans-serif that has it. */
const SYMBOLS: Record<FontName, string> = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};

/**
 * Noto Emoji, the outline (one colour) design of the canvas's Noto Color
 * Emoji: a PDF page has no colour fonts. Its package splits it into slices,
 * each whole for the sequences it draws (a flag, a family, a skin tone).
 */
const EMOJI_SLICES: { index: number; ranges: [number, number][] }[] = Object.entries(
  JSON.parse(readFileSync(require.resolve("@fontsource/noto-emoji/unicode.json"), "utf8")) as Record<string, string>,
).map(([name, ranges]) => ({
  index: Number(/\d+/.exec(name)![0]),
  ranges: ranges.split(",").map((range) => {
    const [from, to] = range.replace("U+", "").split("-");
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
  }),
}));
const emojiFile = (index: number, font: FontName) =>
  require.resolve(`@fontsource/noto-emoji/files/noto-emoji-${index}-${WEIGHTS[font]}-normal.woff`);

/** Every face a PDF may draw with, by the name it is registered under. */
export function fontFaces(): Record<string, string> {
  const faces: Record<string, string> = {};
  for (const font of Object.keys(WEIGHTS) as FontName[]) {
    faces[font] = TEXT[font];
    faces[`${font}-symbols`] = SYMBOLS[font];
    for (const { index } of EMOJI_SLICES) faces[`${font}-emoji-${index}`] = emojiFile(index, font);
  }
  return faces;
}

const opened = new Map<string, fontkit.Font>();
const open = (file: string): fontkit.Font => {
  let font = opened.get(file);
  if (!font) opened.set(file, (font = fontkit.openSync(file) as fontkit.Font));
  return font;
};

/** Characters that steer shaping or order and have no ink: any face takes them. */
const IGNORABLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u206f\u{e0000}-\u{e007f}]|\p{Variation_Selector}/gu;
/** A cluster a browser draws from an emoji font: emoji presentation, a flag, a keycap, a skin tone. */
const EMOJI = /\p{Emoji_Presentation}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u20e3|\ufe0f/u;

const codePoints = (cluster: string) => [...cluster.replace(IGNORABLE, "")].map((c) => c.codePointAt(0)!);
const covers = (font: fontkit.Font, points: number[]) => points.every((p) => font.hasGlyphForCodePoint(p));
const emojiSlice = (cluster: string) =>
  EMOJI_SLICES.find(({ ranges }) =>
    [...cluster].every((c) => ranges.some(([from, to]) => c.codePointAt(0)! >= from && c.codePointAt(0)! <= to)),
  );

const faces = new Map<string, string>();

/** The face that draws a user-perceived character, as the page would pick it. */
function faceOf(cluster: string, font: FontName): string {
  const key = `${font}\u0000${cluster}`;
  let face = faces.get(key);
  if (face === undefined) {
    if (faces.size >= 10_000) faces.clear();
    faces.set(key, (face = pickFace(cluster, font)));
  }
  return face;
}

function pickFace(cluster: string, font: FontName): string {
  const points = codePoints(cluster);
  const slice = emojiSlice(cluster);
  if (slice && EMOJI.test(cluster)) return `${font}-emoji-${slice.index}`;
  if (covers(open(TEXT[font]), points)) return font;
  if (covers(open(SYMBOLS[font]), points)) return `${font}-symbols`;
  return slice ? `${font}-emoji-${slice.index}` : font;
}

/** A stretch of text drawn in one face. */
export interface Piece {
  text: string;
  face: string;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Text cut where the face changes, in logical order; a word of one script stays whole, so it is shaped whole. */
export function piecesOf(text: string, font: FontName): Piece[] {
  const pieces: Piece[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const face = faceOf(segment, font);
    const last = pieces.at(-1);
    if (last?.face === face) last.text += segment;
    else pieces.push({ text: segment, face });
  }
  return pieces;
}
