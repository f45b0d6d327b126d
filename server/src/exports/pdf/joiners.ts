/** Fontkit's glyph as far as the text layer needs it. */
interface Glyph {
  id: number;
  codePoints: number[];
}

/** What this module needs of fontkit's layout engine (fontkit 2.0: `font._layoutEngine`, one per font). */
interface LayoutEngine {
  hideDefaultIgnorables(glyphs: Glyph[], positions: { xAdvance: number; yAdvance: number }[]): void;
}

/** What it needs of pdfkit's embedded font (pdfkit 0.20: `doc._font`, an EmbeddedFont around a fontkit font). */
interface EmbeddedFont {
  font: { _layoutEngine: LayoutEngine };
}

/** The zero-width non-joiner and joiner: they decide how the letters beside them join, so a word copied without them is spelt otherwise (Persian «می‌خواهم»). */
const JOINERS = new Set([0x200c, 0x200d]);
const GLYPH_MISSING = 0;

const keeping = new WeakSet<LayoutEngine>();

/**
 * Makes the joiners of a text read back from the file. Fontkit, as
 * HarfBuzz does, draws every default-ignorable character as the font's
 * space glyph with no advance; the file's ToUnicode map then says that
 * glyph is a space (first use wins), and readers, which leave spaces to the
 * gaps between words, drop it: pdftotext gave «میخواهم». Kept as the face's
 * own glyph for the joiner (Vazirmatn has one, without ink or advance), it
 * maps to the joiner itself and sits in the line where it was typed, so a
 * reader reverses a right-to-left stretch around it like any other
 * character. Call it with the run's face selected, before the run is drawn;
 * a face without a glyph for the joiner keeps fontkit's space.
 */
export function readableJoiners(doc: PDFKit.PDFDocument): void {
  const engine = (doc as unknown as { _font: EmbeddedFont })._font.font._layoutEngine;
  if (keeping.has(engine)) return;
  keeping.add(engine);
  const hide = engine.hideDefaultIgnorables.bind(engine);
  engine.hideDefaultIgnorables = (glyphs, positions) => {
    const joiners = glyphs
      .map((glyph, index) => ({ glyph, index }))
      .filter(({ glyph }) => glyph.id !== GLYPH_MISSING && JOINERS.has(glyph.codePoints[0] ?? -1));
    hide(glyphs, positions);
    for (const { glyph, index } of joiners) glyphs[index] = glyph;
  };
}
