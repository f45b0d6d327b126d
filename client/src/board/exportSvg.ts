import {
  LANE_COLOURS,
  cellKey,
  departmentColour,
  directionOf,
  textDirection,
  type CardRecord,
  type JourneyGrid,
  type StepEmotion,
} from "@journeyboard/shared";
import { FONT_STACK } from "../fonts/family";
import type { GridLabels } from "./canvas/GridLayer";
import { curveSvg, type DrawText, type SvgCurveLabels } from "./exportSvgCurve";
import { drawClusterHeadings } from "./exportSvgClusters";
import { GRID, type JourneyLayout, type Rect } from "./state/layout";

/** How wide a text is at a font size, in pixels (the browser's canvas measures it). */
export type MeasureText = (text: string, fontSize: number, bold: boolean) => number;

const FONT = FONT_STACK;
const CARD_FONT = 14;
const LINE = CARD_FONT * 1.3;
const LANE_LINE = 16 * 1.3;

/** Text as XML character data: markup characters escaped, characters XML cannot hold dropped. */
export const xmlText = (text: string): string =>
  text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** A word too wide for a line, cut between characters (never inside one) into pieces that fit. */
function cutWord(word: string, fits: (text: string) => boolean): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const { segment } of graphemes.segment(word)) {
    if (piece && !fits(piece + segment)) {
      pieces.push(piece);
      piece = segment;
    } else piece += segment;
  }
  return piece ? [...pieces, piece] : pieces;
}

/**
 * Breaks text into lines that fit a width, cutting a word that is wider than
 * a whole line; when text is left over, the last line ends with "…", still
 * within the width.
 */
export function wrapText(
  text: string,
  width: number,
  maxLines: number,
  measure: MeasureText,
  size = CARD_FONT,
  bold = false,
): string[] {
  const fits = (candidate: string) => measure(candidate, size, bold) <= width;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) line = candidate;
    else {
      if (line) lines.push(line);
      const pieces = cutWord(word, fits);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? "";
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = [...graphemes.segment(kept[maxLines - 1]!)].map(({ segment }) => segment);
  while (last.length && !fits(`${last.join("")}…`)) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.join("").trimEnd()}…`;
  return kept;
}

/** The group's emotion curve of the journey, and the words it is drawn with. */
/** The words of the drawing: the grid's titles, and the badge of each merged card ("3 merged"), null for any other. */
export interface SvgLabels extends GridLabels {
  merged(card: CardRecord): string | null;
}

/** A merged card's badge, as the canvas draws it: on its top edge at the right, two stacked cards and the count. */
const MERGED_BADGE = { width: 74, height: 18, inset: 20 };

export interface SvgCurve {
  steps: readonly StepEmotion[];
  labels: SvgCurveLabels;
}

/**
 * The journey (or the part in `area`) as a standalone SVG document: lanes,
 * stage and lane titles, the group's emotion curve, and every card with its
 * text, drawn from the layout rather than the screen, so nothing culled is
 * missing. User text is escaped, wrapped within its box (a word too long
 * for a line is cut); right-to-left text runs right to left.
 */
export function journeySvg(
  layout: JourneyLayout,
  grid: JourneyGrid,
  labels: SvgLabels,
  curve: SvgCurve,
  measure: MeasureText,
  area: Rect = { x: 0, y: 0, width: layout.width, height: layout.height },
): string {
  const parts: string[] = [];
  // With direction="rtl", anchor "start" is the right edge: right-to-left text runs leftwards from x.
  const text: DrawText = (x, y, value, size, options = {}) => {
    const rtl = (options.direction ?? textDirection(value)) === "rtl";
    parts.push(
      `<text x="${x}" y="${y}" font-size="${size}"${options.bold ? ' font-weight="bold"' : ""}${
        rtl ? ' direction="rtl"' : ""
      } text-anchor="${options.anchor ?? "start"}" fill="${options.fill ?? "#0f172a"}">${xmlText(value)}</text>`,
    );
  };
  const cellsX = layout.laneHeaderX === 0 ? GRID.laneHeaderWidth : 0;
  const cellsWidth = layout.width - GRID.laneHeaderWidth;
  parts.push(`<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`);
  for (const { lane, y, height } of layout.rows) {
    const colours = LANE_COLOURS[lane.kind];
    parts.push(`<rect x="${cellsX}" y="${y}" width="${cellsWidth}" height="${height}" fill="${colours.lane}"/>`);
    parts.push(
      `<rect x="${layout.laneHeaderX}" y="${y}" width="${GRID.laneHeaderWidth}" height="${height}" fill="${colours.card}" opacity="0.55"/>`,
    );
    const title = labels.lane(lane.id);
    const rtl = textDirection(title) === "rtl";
    const x = rtl ? layout.laneHeaderX + GRID.laneHeaderWidth - 14 : layout.laneHeaderX + 14;
    wrapText(
      title,
      GRID.laneHeaderWidth - 28,
      Math.max(1, Math.floor((height - 12) / LANE_LINE)),
      measure,
      16,
      true,
    ).forEach((line, i) => text(x, y + 28 + i * LANE_LINE, line, 16, { bold: true }));
  }
  for (const { stage, x, width } of layout.columns) {
    parts.push(`<line x1="${x}" y1="0" x2="${x}" y2="${layout.height}" stroke="#e2e8f0"/>`);
    const [title] = wrapText(labels.stage(stage.id), width - 16, 1, measure, 18, true);
    if (!stage.collapsed && title) text(x + width / 2, 34, title, 18, { bold: true, anchor: "middle" });
  }
  parts.push(...curveSvg(layout, curve.steps, curve.labels, text));
  for (const row of layout.rows) {
    if (row.lane.collapsed) continue;
    for (const column of layout.columns) {
      if (column.stage.collapsed) continue;
      const cards = grid.cells.get(cellKey(column.stage.id, row.lane.id)) ?? [];
      drawClusterHeadings(parts, { column, row, cards }, text, (name, width, size) =>
        wrapText(name, width, 1, measure, size, true).join(""),
      );
      for (const card of cards) {
        const box = layout.cards.get(card.id);
        if (!box) continue;
        parts.push(
          `<rect x="${box.x}" y="${box.y + 2}" width="${box.width}" height="${box.height}" rx="6" fill="rgba(15,23,42,0.16)"/>`,
          `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="6" fill="${LANE_COLOURS[row.lane.kind].card}"/>`,
          `<circle cx="${box.x + box.width - 9}" cy="${box.y + box.height - 9}" r="4" fill="${departmentColour(card.authorDepartment)}"/>`,
        );
        // Every line in the card's direction, as the canvas sets the whole text.
        const direction = directionOf(card.text, card.textDirection);
        const x = direction === "rtl" ? box.x + box.width - 10 : box.x + 10;
        wrapText(card.text, box.width - 20, Math.floor((box.height - 18) / LINE), measure).forEach((line, i) =>
          text(x, box.y + 10 + CARD_FONT + i * LINE, line, CARD_FONT, { direction }),
        );
        const merged = labels.merged(card);
        if (merged) {
          const { width, height, inset } = MERGED_BADGE;
          const [bx, by] = [box.x + box.width - inset - width, box.y - height / 2];
          parts.push(
            `<rect x="${bx}" y="${by}" width="${width}" height="${height}" rx="9" fill="#ffffff" stroke="#334155"/>`,
            `<rect x="${bx + 9}" y="${by + 4}" width="8" height="9" rx="1.5" fill="none" stroke="#334155"/>`,
            `<rect x="${bx + 6}" y="${by + 6}" width="8" height="9" rx="1.5" fill="#ffffff" stroke="#334155"/>`,
          );
          text(bx + 21 + (width - 26) / 2, by + 13, merged, 11, { bold: true, anchor: "middle", fill: "#334155" });
        }
      }
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${area.x} ${area.y} ${area.width} ${area.height}" width="${area.width}" height="${area.height}" font-family='${FONT}'>`,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}
