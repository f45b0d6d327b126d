import { EMOTION_MAX, EMOTION_MIN, type StepEmotion } from "@journeyboard/shared";
import type { JourneyLayout } from "./layout";

/**
 * Where the group's emotion curve goes in an emotion lane's band, for the
 * canvas and the SVG picture alike, so the picture shows what the screen does.
 */

/** Room above and below the curve inside its band. */
export const CURVE_PAD = 14;

export interface CurvePoint {
  step: StepEmotion;
  x: number;
}

/** One point per step, spread evenly across its stage's column in order; none for a collapsed stage. */
export function curvePoints(layout: JourneyLayout, steps: readonly StepEmotion[]): CurvePoint[] {
  const columns = new Map(layout.columns.map((c) => [c.stage.id, c]));
  const perStage = new Map<string, number>();
  return steps.flatMap((step) => {
    const column = columns.get(step.stageId);
    if (!column || column.stage.collapsed) return [];
    const index = perStage.get(step.stageId) ?? 0;
    perStage.set(step.stageId, index + 1);
    const count = steps.filter((s) => s.stageId === step.stageId).length;
    return [{ step, x: column.x + (column.width * (index + 1)) / (count + 1) }];
  });
}

/** The curve's scale in a band: the y of an emotion value, and the band's top and height inside its padding. */
export function curveScale(band: { y: number; height: number }) {
  const top = band.y + CURVE_PAD;
  const height = band.height - CURVE_PAD * 2;
  return { top, height, yOf: (value: number) => top + ((EMOTION_MAX - value) / (EMOTION_MAX - EMOTION_MIN)) * height };
}

/** The left and right edges of the journey's columns. */
export const columnsSpan = (layout: JourneyLayout): { x0: number; x1: number } => ({
  x0: layout.columns.reduce((min, c) => Math.min(min, c.x), Infinity),
  x1: layout.columns.reduce((max, c) => Math.max(max, c.x + c.width), -Infinity),
});
