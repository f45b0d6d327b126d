/** The part of bidi-js (Unicode Bidirectional Algorithm, UAX #9) that the PDF export uses; the package ships no types. */
declare module "bidi-js" {
  export interface EmbeddingLevels {
    /** The resolved level of each UTF-16 code unit: odd reads right to left. */
    levels: Uint8Array;
    paragraphs: { start: number; end: number; level: number }[];
  }
  export interface Bidi {
    getEmbeddingLevels(text: string, direction?: "ltr" | "rtl"): EmbeddingLevels;
    getMirroredCharacter(char: string): string | null;
    /** The bidirectional class of a character ("L", "AL", "ON"…), read from its whole code point. */
    getBidiCharTypeName(char: string): string;
  }
  export default function bidiFactory(): Bidi;
}
