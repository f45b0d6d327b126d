/** What the text layer needs of pdfkit's embedded font (pdfkit 0.20: `doc._font`, an EmbeddedFont). */
interface EmbeddedFont {
  layout(text: string, features: string[]): { glyphs: { id: number; codePoints: number[] }[] };
  subset: { includeGlyph(id: number): number };
  /** The characters each glyph of the subset stands for: the file's ToUnicode map, first use wins. */
  unicode: (number[] | undefined)[];
}

/**
 * Makes a ligature of a right-to-left run read back as typed. A glyph that
 * draws several characters (Arabic lam-alef, "لا") stands for them in the
 * order its glyph sits in the line: readers (poppler, pdf.js) take a line's
 * glyphs left to right and reverse the right-to-left stretch character by
 * character, so a glyph mapped to lam then alef came back alef then lam.
 * Mapped the other way round, it reverses into lam then alef. Call it with
 * the run's face selected, before the run is drawn.
 */
export function readableLigatures(doc: PDFKit.PDFDocument, run: string): void {
  const font = (doc as unknown as { _font: EmbeddedFont })._font;
  for (const glyph of font.layout(run, []).glyphs) {
    if (glyph.codePoints.length < 2) continue;
    const id = font.subset.includeGlyph(glyph.id);
    font.unicode[id] ??= [...glyph.codePoints].reverse();
  }
}
