import type { LaneKind } from "../model/laneKinds";
import type { MapType } from "../model/mapTypes";
import type { JourneyRecord } from "../schema/journey";
import type { LaneRecord } from "../schema/lane";
import type { StageRecord } from "../schema/stage";

/**
 * New stages, lanes and journeys with every field at its default. A card's
 * defaults are written where cards are made (`ops/cards.ts`); `repair.ts`
 * and the migrations fill defaults into records that lack a field.
 */
export const newStage = (
  fields: Pick<StageRecord, "id" | "journeyId" | "order"> & Partial<StageRecord>,
): StageRecord => ({
  title: "",
  preset: null,
  deleted: false,
  collapsed: false,
  width: null,
  ...fields,
});

export const newLane = (
  fields: Pick<LaneRecord, "id" | "journeyId" | "order"> & { kind: LaneKind } & Partial<LaneRecord>,
): LaneRecord => ({
  title: "",
  preset: null,
  deleted: false,
  collapsed: false,
  ...fields,
});

export const newJourney = (
  fields: Pick<JourneyRecord, "id" | "order"> & { mapType: MapType } & Partial<JourneyRecord>,
): JourneyRecord => ({
  title: "",
  personaId: null,
  twinOf: null,
  ...fields,
});
