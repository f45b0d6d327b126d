import type * as Y from "yjs";
import type { CardRecord } from "../schema/card";
import type { LaneRecord } from "../schema/lane";
import type { StageRecord } from "../schema/stage";
import { readAll, recordsOf } from "../schema/layout";
import { byOrder } from "../ops/order";

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

export function cardsInCell(doc: Y.Doc, stageId: string, laneId: string): CardRecord[] {
  const out: CardRecord[] = [];
  recordsOf(doc, "cards").forEach((map) => {
    if (map.get("stageId") === stageId && map.get("laneId") === laneId) out.push(map.toJSON() as CardRecord);
  });
  return out.sort(byOrder);
}

export const cellKey = (stageId: string, laneId: string): string => `${stageId}\u0000${laneId}`;

export interface JourneyGrid {
  stages: StageRecord[];
  lanes: LaneRecord[];
  /** Cards of live cells by `cellKey`, in order. Cards of a deleted stage or lane are not shown. */
  cells: Map<string, CardRecord[]>;
}

export function readJourneyGrid(doc: Y.Doc, journeyId: string): JourneyGrid {
  const stages = stagesOf(doc, journeyId);
  const lanes = lanesOf(doc, journeyId);
  const liveStages = new Set(stages.map((s) => s.id));
  const liveLanes = new Set(lanes.map((l) => l.id));
  const cells = new Map<string, CardRecord[]>();
  for (const card of readAll(doc, "cards")) {
    if (card.journeyId !== journeyId || !liveStages.has(card.stageId) || !liveLanes.has(card.laneId)) continue;
    const key = cellKey(card.stageId, card.laneId);
    const list = cells.get(key);
    if (list) list.push(card);
    else cells.set(key, [card]);
  }
  for (const list of cells.values()) list.sort(byOrder);
  return { stages, lanes, cells };
}
