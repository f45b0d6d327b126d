import type * as Y from "yjs";
import { DISAGREEMENT_SPREAD } from "../model/emotions";
import type { CardRecord } from "../schema/card";
import { readAll } from "../schema/layout";
import type { RatingRecord } from "../schema/rating";
import { readJourneyGrid, type JourneyGrid } from "./grid";

export interface Spread {
  count: number;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}

export interface StepEmotion {
  card: CardRecord;
  stageId: string;
  /** Null while nobody rated the step. */
  all: Spread | null;
  byDepartment: Record<string, Spread>;
  /** Ratings spread wide, or departments' medians far apart. */
  disagreement: boolean;
}

function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function spreadOf(values: number[]): Spread | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/**
 * The emotion curve the group set: for each customer step, in journey order,
 * the median of everyone's ratings, their spread, and each department's.
 */
export const emotionCurve = (doc: Y.Doc, journeyId: string): StepEmotion[] =>
  emotionCurveOf(readJourneyGrid(doc, journeyId), readAll(doc, "ratings"));

/** The same, from a grid and ratings already read. */
export function emotionCurveOf(grid: JourneyGrid, ratings: readonly RatingRecord[]): StepEmotion[] {
  const byCard = new Map<string, { value: number; department: string }[]>();
  for (const rating of ratings) {
    const list = byCard.get(rating.cardId) ?? [];
    list.push(rating);
    byCard.set(rating.cardId, list);
  }
  const stepLanes = grid.lanes.filter((l) => l.kind === "steps");
  const out: StepEmotion[] = [];
  for (const stage of grid.stages) {
    for (const lane of stepLanes) {
      for (const card of grid.cells.get(`${stage.id}\u0000${lane.id}`) ?? []) {
        const ratings = byCard.get(card.id) ?? [];
        const departments = new Map<string, number[]>();
        for (const r of ratings) departments.set(r.department, [...(departments.get(r.department) ?? []), r.value]);
        const byDepartment = Object.fromEntries([...departments].map(([d, values]) => [d, spreadOf(values)!]));
        const all = spreadOf(ratings.map((r) => r.value));
        const medians = Object.values(byDepartment).map((s) => s.median);
        const disagreement =
          (all !== null && all.q3 - all.q1 >= DISAGREEMENT_SPREAD) ||
          (medians.length > 1 && Math.max(...medians) - Math.min(...medians) >= DISAGREEMENT_SPREAD);
        out.push({ card, stageId: stage.id, all, byDepartment, disagreement });
      }
    }
  }
  return out;
}
