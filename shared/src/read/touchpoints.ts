import type * as Y from "yjs";
import { PRESET_CHANNELS } from "../model/channels";
import type { StageRecord } from "../schema/stage";
import { readJourneyGrid } from "./grid";

export interface TouchpointMatrix {
  stages: StageRecord[];
  /** Channels in use: presets in their usual order, then others by name; `null` for touchpoints with no channel yet. */
  channels: Array<string | null>;
  /** Card ids by `${channel}\u0000${stageId}`. */
  cells: Map<string, string[]>;
  /** Stages no touchpoint serves at all. */
  stagesWithoutTouchpoint: Set<string>;
}

export const matrixKey = (channel: string | null, stageId: string): string => `${channel ?? ""}\u0000${stageId}`;

/** Channel × stage, from the cards of the journey's touchpoint lanes. */
export function touchpointMatrix(doc: Y.Doc, journeyId: string): TouchpointMatrix {
  const grid = readJourneyGrid(doc, journeyId);
  const lanes = grid.lanes.filter((l) => l.kind === "touchpoints");
  const cells = new Map<string, string[]>();
  const used = new Set<string | null>();
  const served = new Set<string>();
  for (const stage of grid.stages) {
    for (const lane of lanes) {
      for (const card of grid.cells.get(`${stage.id}\u0000${lane.id}`) ?? []) {
        const channel = card.channel ?? null;
        used.add(channel);
        served.add(stage.id);
        const key = matrixKey(channel, stage.id);
        cells.set(key, [...(cells.get(key) ?? []), card.id]);
      }
    }
  }
  const presets = PRESET_CHANNELS.filter((c) => used.has(c));
  const custom = [...used]
    .filter((c): c is string => c !== null && !(PRESET_CHANNELS as readonly string[]).includes(c))
    .sort();
  return {
    stages: grid.stages,
    channels: [...presets, ...custom, ...(used.has(null) ? [null] : [])],
    cells,
    stagesWithoutTouchpoint: new Set(grid.stages.filter((s) => !served.has(s.id)).map((s) => s.id)),
  };
}
