import { EMOTION_MAX, EMOTION_MIN, type StepEmotion } from "@journeyboard/shared";
import type { CurveLabels } from "./canvas/EmotionCurveLayer";
import { columnsSpan, curvePoints, curveScale } from "./state/curve";
import type { JourneyLayout } from "./state/layout";

export type SvgCurveLabels = Pick<CurveLabels, "disagreement" | "scale">;

/** Draws a text (the drawer escapes it) at a position, in a size, weight, colour and anchor. */
export type DrawText = (
  x: number,
  y: number,
  value: string,
  size: number,
  options?: {
    bold?: boolean;
    fill?: string;
    anchor?: "start" | "middle";
    /** Set for a line of a longer text (a card's), which reads in that text's direction; else the line's own. */
    direction?: "ltr" | "rtl";
  },
) => void;

/**
 * The group's emotion curve as SVG, as the canvas draws it (EmotionCurveLayer)
 * in each emotion lane's band: the scale, the median of everyone's ratings
 * joined by a line, the middle half of the ratings as a bar, a ring where
 * departments disagree, and how many rated each step.
 */
export function curveSvg(
  layout: JourneyLayout,
  steps: readonly StepEmotion[],
  labels: SvgCurveLabels,
  text: DrawText,
): string[] {
  const parts: string[] = [];
  const rated = curvePoints(layout, steps).filter((p) => p.step.all);
  const { x0, x1 } = columnsSpan(layout);
  for (const { curve } of layout.rows) {
    if (!curve) continue;
    const { top, height, yOf } = curveScale(curve);
    for (const value of [EMOTION_MAX, 0, EMOTION_MIN]) {
      const dash = value === 0 ? "" : ' stroke-dasharray="4 4"';
      const stroke = value === 0 ? "#94a3b8" : "#e2e8f0";
      parts.push(`<line x1="${x0}" y1="${yOf(value)}" x2="${x1}" y2="${yOf(value)}" stroke="${stroke}"${dash}/>`);
      text(x0 + 4, yOf(value) - 3, labels.scale(value), 11, { fill: "#64748b" });
    }
    const median = rated.map(({ step, x }) => `${x},${yOf(step.all!.median)}`).join(" ");
    if (rated.length)
      parts.push(
        `<polyline points="${median}" fill="none" stroke="#ea580c" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>`,
      );
    for (const { step, x } of rated) {
      const all = step.all!;
      const y = yOf(all.median);
      parts.push(
        `<rect x="${x - 5}" y="${yOf(all.q3)}" width="10" height="${Math.max(2, yOf(all.q1) - yOf(all.q3))}" rx="4" fill="#fdba74" opacity="0.6"/>`,
        `<circle cx="${x}" cy="${y}" r="6" fill="#ea580c" stroke="#ffffff" stroke-width="2"/>`,
      );
      if (step.disagreement) {
        parts.push(
          `<circle cx="${x}" cy="${y}" r="11" fill="none" stroke="#b91c1c" stroke-width="2" stroke-dasharray="3 2"/>`,
        );
        text(x + 12, y - 6, labels.disagreement, 11, { bold: true, fill: "#b91c1c" });
      }
      text(x, top + height + 12, String(all.count), 10, { fill: "#64748b", anchor: "middle" });
    }
  }
  return parts;
}
