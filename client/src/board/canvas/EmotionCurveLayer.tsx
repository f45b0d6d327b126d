import { memo } from "react";
import { Circle, Group, Line, Rect } from "react-konva";
import { CanvasText } from "./CanvasText";
import { EMOTION_MAX, EMOTION_MIN, type StepEmotion } from "@journeyboard/shared";
import { columnsSpan, curvePoints, curveScale } from "../state/curve";
import { sameFrame, type JourneyLayout } from "../state/layout";

export interface CurveLabels {
  noRatings: string;
  disagreement: string;
  scale: (value: number) => string;
}

interface CurveProps {
  layout: JourneyLayout;
  steps: StepEmotion[];
  labels: CurveLabels;
  /** Off in pictures: "rate a step" is for people at the board. */
  hints: boolean;
}

/**
 * The group's emotion curve in each emotion lane's band: one point per
 * customer step at its stage, the median of everyone's ratings joined by a
 * line, the middle half of the ratings as a bar, and a warning ring where
 * departments disagree.
 */
export const EmotionCurveLayer = memo(
  function EmotionCurveLayer({ layout, steps, labels, hints }: CurveProps) {
    const points = curvePoints(layout, steps);
    const { x0, x1 } = columnsSpan(layout);
    return (
      <Group listening={false}>
        {layout.rows.map(({ lane, curve }) => {
          if (!curve) return null;
          const { top, height, yOf } = curveScale(curve);
          const rated = points.filter((p) => p.step.all);
          return (
            <Group key={lane.id} name="emotion-curve">
              {[EMOTION_MAX, 0, EMOTION_MIN].map((v) => (
                <Group key={v}>
                  <Line
                    points={[x0, yOf(v), x1, yOf(v)]}
                    stroke={v === 0 ? "#94a3b8" : "#e2e8f0"}
                    strokeWidth={1}
                    dash={v === 0 ? undefined : [4, 4]}
                  />
                  <CanvasText x={x0 + 4} y={yOf(v) - 14} text={labels.scale(v)} fontSize={11} fill="#64748b" />
                </Group>
              ))}
              {hints && rated.length === 0 && (
                <CanvasText
                  x={x0}
                  y={top + height / 2 - 8}
                  width={x1 - x0}
                  align="center"
                  text={labels.noRatings}
                  fontSize={13}
                  fill="#64748b"
                  fontStyle="italic"
                />
              )}
              <Line
                name="emotion-median"
                points={rated.flatMap((p) => [p.x, yOf(p.step.all!.median)])}
                stroke="#ea580c"
                strokeWidth={3}
                lineCap="round"
                lineJoin="round"
                tension={0.3}
              />
              {rated.map(({ step, x }) => (
                <Group key={step.card.id}>
                  <Rect
                    x={x - 5}
                    y={yOf(step.all!.q3)}
                    width={10}
                    height={Math.max(2, yOf(step.all!.q1) - yOf(step.all!.q3))}
                    fill="#fdba74"
                    opacity={0.6}
                    cornerRadius={4}
                  />
                  <Circle x={x} y={yOf(step.all!.median)} radius={6} fill="#ea580c" stroke="#ffffff" strokeWidth={2} />
                  {step.disagreement && (
                    <>
                      <Circle
                        x={x}
                        y={yOf(step.all!.median)}
                        radius={11}
                        stroke="#b91c1c"
                        strokeWidth={2}
                        dash={[3, 2]}
                      />
                      <CanvasText
                        x={x + 12}
                        y={yOf(step.all!.median) - 18}
                        text={labels.disagreement}
                        fontSize={11}
                        fontStyle="bold"
                        fill="#b91c1c"
                      />
                    </>
                  )}
                  <CanvasText
                    x={x - 10}
                    y={top + height + 2}
                    width={20}
                    align="center"
                    text={String(step.all!.count)}
                    fontSize={10}
                    fill="#64748b"
                  />
                </Group>
              ))}
            </Group>
          );
        })}
      </Group>
    );
  },
  (a: CurveProps, b: CurveProps) =>
    sameFrame(a.layout, b.layout) && a.steps === b.steps && a.labels === b.labels && a.hints === b.hints,
);
