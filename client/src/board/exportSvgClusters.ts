import { textDirection, type CardRecord } from "@journeyboard/shared";
import type { DrawText } from "./exportSvgCurve";
import { shapeOf } from "./state/cellShape";
import { GRID, headingRects, slotRect, type LayoutColumn, type LayoutRow } from "./state/layout";

const HEADING_FONT = 13;

/**
 * Draws a cell's cluster headings into `parts` as the canvas draws them
 * (`ClusterHeadings`): a light frame round each cluster's cards and its
 * name on a band above them, from the side the name reads from. `fit` cuts
 * a name to a width (with "…").
 */
export function drawClusterHeadings(
  parts: string[],
  cell: { column: LayoutColumn; row: LayoutRow; cards: readonly CardRecord[] },
  text: DrawText,
  fit: (name: string, width: number, size: number) => string,
): void {
  const { column, row } = cell;
  const shape = shapeOf(cell.cards);
  for (const heading of headingRects(column, row, shape)) {
    const bottom = slotRect(column, row, heading.first + heading.count - 1, shape).y + GRID.cardHeight;
    parts.push(
      `<rect x="${heading.x - 5}" y="${heading.y - 5}" width="${heading.width + 10}" height="${bottom - heading.y + 10}" rx="8" fill="rgba(51,65,85,0.08)"/>`,
      `<rect x="${heading.x}" y="${heading.y}" width="${heading.width}" height="${heading.height}" rx="6" fill="#334155"/>`,
    );
    const name = fit(heading.cluster, heading.width - 20, HEADING_FONT);
    const x = textDirection(name) === "rtl" ? heading.x + heading.width - 10 : heading.x + 10;
    text(x, heading.y + (heading.height + HEADING_FONT) / 2 - 2, name, HEADING_FONT, { bold: true, fill: "#ffffff" });
  }
}
