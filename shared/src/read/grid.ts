import type * as Y from "yjs";
import type { CardRecord } from "../schema/card";
import type { LaneRecord } from "../schema/lane";
import type { StageRecord } from "../schema/stage";
import { readAll, recordsOf } from "../schema/layout";
import { byOrder } from "../ops/order";
import { mergeRootIn } from "./merges";

/** The live (not deleted) stages of a journey, in order. */
export const stagesOf = (doc: Y.Doc, journeyId: string): StageRecord[] =>
  readAll(doc, "stages")
    .filter((s) => s.journeyId === journeyId && !s.deleted)
    .sort(byOrder);

/** The live lanes of a journey, in order. */
export const lanesOf = (doc: Y.Doc, journeyId: string): LaneRecord[] =>
  readAll(doc, "lanes")
    .filter((l) => l.journeyId === journeyId && !l.deleted)
    .sort(byOrder);

/** The cards a cell shows, in order: a card merged into another is shown as part of it (`merges.ts`), not on its own. */
export function cardsInCell(doc: Y.Doc, stageId: string, laneId: string): CardRecord[] {
  const out: CardRecord[] = [];
  const cards = recordsOf(doc, "cards");
  cards.forEach((map, id) => {
    if (map.get("stageId") !== stageId || map.get("laneId") !== laneId) return;
    if (mergeRootIn(cards, id) === id) out.push(map.toJSON() as CardRecord);
  });
  return out.sort(byOrder);
}

export const cellKey = (stageId: string, laneId: string): string => `${stageId}\u0000${laneId}`;

export interface JourneyGrid {
  stages: StageRecord[];
  lanes: LaneRecord[];
  /**
   * Cards of live cells by `cellKey`, in order. Cards of a deleted stage or
   * lane are not shown, nor cards merged into another (shown as part of it).
   */
  cells: Map<string, CardRecord[]>;
}

export function readJourneyGrid(doc: Y.Doc, journeyId: string): JourneyGrid {
  const stages = stagesOf(doc, journeyId);
  const lanes = lanesOf(doc, journeyId);
  const liveStages = new Set(stages.map((s) => s.id));
  const liveLanes = new Set(lanes.map((l) => l.id));
  const cells = new Map<string, CardRecord[]>();
  const records = recordsOf(doc, "cards");
  for (const card of readAll(doc, "cards")) {
    if (card.journeyId !== journeyId || !liveStages.has(card.stageId) || !liveLanes.has(card.laneId)) continue;
    if (mergeRootIn(records, card.id) !== card.id) continue;
    const key = cellKey(card.stageId, card.laneId);
    const list = cells.get(key);
    if (list) list.push(card);
    else cells.set(key, [card]);
  }
  for (const list of cells.values()) list.sort(byOrder);
  return { stages, lanes, cells };
}

/** A run of a cell's cards: one cluster's (its name), or a card in none (null). */
export interface CellRun {
  cluster: string | null;
  cards: CardRecord[];
}

/**
 * A cell's cards (in order) as the board shows them: each cluster's cards
 * under its name, the rest on their own. A cluster's cards stand together
 * (`groupCards`); should concurrent moves part them, each part shows the name.
 */
export function cellRuns(cards: readonly CardRecord[]): CellRun[] {
  const runs: CellRun[] = [];
  for (const card of cards) {
    const cluster = card.cluster ?? null;
    const last = runs[runs.length - 1];
    if (last && cluster !== null && last.cluster === cluster) last.cards.push(card);
    else runs.push({ cluster, cards: [card] });
  }
  return runs;
}
