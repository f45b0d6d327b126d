import { directionOf, type TextDirectionSetting } from "@journeyboard/shared";
import { mirrored, mirroredReverse, paragraphLevels, visualRuns } from "./bidi";
import { fontFaces, piecesOf, type FontName } from "./fonts";
import { readableJoiners } from "./joiners";
import { readableLigatures } from "./ligatures";

export interface TextStyle {
  font: FontName;
  size: number;
  colour: string;
  /**
   * "end" sets left-to-right text flush right (and right-to-left flush left);
   * "right" sets every line flush right (a cell of a right-to-left table).
   */
  align?: "end" | "right";
  /** Lines beyond this end the text with an ellipsis. */
  maxLines?: number;
  /** How the paragraphs read: each from its first strong character (`auto`, the default), or all as set (a card's override). */
  direction?: TextDirectionSetting;
}

/** A laid-out line: where it sits in its paragraph and whether the paragraph reads right to left. */
interface Line {
  paragraph: string;
  levels: Uint8Array;
  rtl: boolean;
  start: number;
  end: number;
}

/**
 * Passing `features` makes pdfkit lay out the whole string in one go; without
 * them it lays out word by word (for its cache), which reverses a
 * right-to-left phrase word by word instead of as a whole.
 */
const WHOLE_RUN: PDFKit.Mixins.TextOptions = { features: [], lineBreak: false };

/** The script fontkit shapes a run as: that of its first character that belongs to a script. */
const SCRIPTED = /[^\p{Script=Common}\p{Script=Inherited}]/u;
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const shapedRightToLeft = (text: string) => RTL_SCRIPT.test(SCRIPTED.exec(text)?.[0] ?? "");

/** Unicode directional isolates: they steer the bidirectional algorithm and have no glyph of their own. */
const ISOLATES = /[\u2066-\u2069]/g;

/** Text set in its own direction inside a line, whatever surrounds it (e.g. an Arabic title in an English line). */
export const isolate = (text: string) => `\u2068${text}\u2069`;

const LINE_HEIGHT = 1.25;
const ELLIPSIS = "…";

/**
 * Writes user text into a PDF: breaks it into lines that fit a width, orders
 * each line by the Unicode bidirectional algorithm and lets fontkit shape
 * each run, so Arabic and Persian come out joined and in reading order, and a
 * paragraph that starts right to left is set flush right.
 */
export class Typesetter {
  constructor(private readonly doc: PDFKit.PDFDocument) {
    for (const [name, file] of Object.entries(fontFaces())) doc.registerFont(name, file);
  }

  lineHeight = (style: TextStyle) => style.size * LINE_HEIGHT;

  /** The height `text` takes in a box `width` wide. */
  measure(text: string, width: number, style: TextStyle): number {
    return this.lines(text, width, style).length * this.lineHeight(style);
  }

  /** Draws `text` in a box `width` wide from (x, y); answers the height it took. */
  draw(text: string, x: number, y: number, width: number, style: TextStyle): number {
    const lines = this.lines(text, width, style);
    this.doc.fillColor(style.colour);
    lines.forEach((line, i) => this.drawLine(line, x, y + i * this.lineHeight(style), width, style));
    return lines.length * this.lineHeight(style);
  }

  private width(text: string, style: TextStyle): number {
    return piecesOf(text.replace(ISOLATES, ""), style.font).reduce(
      (sum, piece) => sum + this.pieceWidth(piece.text, piece.face, style),
      0,
    );
  }

  /** Widths at size 1 by face and text: shaping a run is the costly part of a PDF, and lines measure the same words again and again. */
  private readonly widths = new Map<string, number>();

  private pieceWidth(text: string, face: string, style: TextStyle): number {
    const key = `${face}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.doc.font(face).fontSize(1).widthOfString(text, WHOLE_RUN);
      this.widths.set(key, width);
    }
    return width * style.size;
  }

  private lines(text: string, width: number, style: TextStyle): Line[] {
    const out: Line[] = [];
    for (const paragraph of text.replace(/\r\n?/g, "\n").split("\n")) {
      const rtl = directionOf(paragraph, style.direction) === "rtl";
      const levels = paragraphLevels(paragraph, rtl);
      for (const [start, end] of this.breakParagraph(paragraph, width, style)) {
        out.push({ paragraph, levels, rtl, start, end });
      }
    }
    const max = style.maxLines;
    if (max === undefined || out.length <= max) return out;
    const kept = out.slice(0, max);
    const last = kept[max - 1]!;
    const shortened = this.fitWithEllipsis(last.paragraph.slice(last.start, last.end), width, style);
    kept[max - 1] = { ...last, ...this.paragraphOf(shortened, last.rtl) };
    return kept;
  }

  private paragraphOf(text: string, rtl: boolean) {
    return { paragraph: text, levels: paragraphLevels(text, rtl), start: 0, end: text.length };
  }

  private fitWithEllipsis(text: string, width: number, style: TextStyle): string {
    const chars = [...text.trimEnd()];
    while (chars.length && this.width(chars.join("") + ELLIPSIS, style) > width) chars.pop();
    return chars.join("").trimEnd() + ELLIPSIS;
  }

  /** Line ranges of a paragraph: greedy over words (a word with its following spaces); a word wider than the box is cut. */
  private breakParagraph(paragraph: string, width: number, style: TextStyle): [number, number][] {
    const ranges: [number, number][] = [];
    let lineStart = 0;
    let lineWidth = 0;
    let at = 0;
    for (const word of paragraph.match(/\S+\s*|\s+/g) ?? []) {
      const wordWidth = this.width(word.trimEnd(), style);
      if (lineWidth > 0 && lineWidth + wordWidth > width) {
        ranges.push([lineStart, at]);
        lineStart = at;
        lineWidth = 0;
      }
      if (wordWidth > width) {
        for (const char of word) {
          const charWidth = this.width(char, style);
          if (lineWidth > 0 && lineWidth + charWidth > width) {
            ranges.push([lineStart, at]);
            lineStart = at;
            lineWidth = 0;
          }
          lineWidth += charWidth;
          at += char.length;
        }
      } else {
        lineWidth += this.width(word, style);
        at += word.length;
      }
    }
    ranges.push([lineStart, paragraph.length]);
    return ranges;
  }

  private drawLine(line: Line, x: number, y: number, width: number, style: TextStyle) {
    const end = line.start + line.paragraph.slice(line.start, line.end).trimEnd().length;
    // Each run in its faces, left to right: a right-to-left run's pieces from its last to its first.
    const pieces = visualRuns(line.paragraph, line.levels, line.start, end).flatMap((run) => {
      const inRun = piecesOf(run.text.replace(ISOLATES, ""), style.font).map(({ text, face }) => {
        const rightToLeft = shapedRightToLeft(text);
        const drawn = run.rtl !== rightToLeft ? mirroredReverse(text) : rightToLeft ? mirrored(text) : text;
        return { drawn, face, rightToLeft, width: this.pieceWidth(drawn, face, style) };
      });
      return run.rtl ? inRun.reverse() : inRun;
    });
    const total = pieces.reduce((sum, piece) => sum + piece.width, 0);
    const flushRight = style.align === "right" || (style.align === "end" ? !line.rtl : line.rtl);
    let cursor = flushRight ? x + Math.max(0, width - total) : x;
    for (const piece of pieces) {
      this.doc.font(piece.face).fontSize(style.size);
      readableJoiners(this.doc);
      if (piece.rightToLeft) readableLigatures(this.doc, piece.drawn);
      this.doc.text(piece.drawn, cursor, y, WHOLE_RUN);
      cursor += piece.width;
    }
  }
}
