import { z } from "zod";
import { MAP_TYPES } from "../model/mapTypes";
import { LIMITS } from "../model/limits";
import { CollabText, Id, OrderKey } from "./fields";
import { fillMissing, recordKind, toCollabText } from "./recordKind";

/** A journey: one persona's map of one type, shown as a tab. Stored in the `journeys` root. */
export const JourneyRecord = z.looseObject({
  id: Id,
  title: CollabText(LIMITS.title),
  mapType: z.enum(MAP_TYPES),
  personaId: Id.nullable(),
  order: OrderKey,
  /** Since 3: for a target journey, the current journey it was drawn from. */
  twinOf: Id.nullable(),
});
export type JourneyRecord = z.infer<typeof JourneyRecord>;

export const journeyKind = recordKind({
  schema: JourneyRecord,
  defaults: () => ({ title: "", mapType: "currentState", personaId: null, order: "a0", twinOf: null }),
  migrations: {
    3: fillMissing({ twinOf: null }),
    5: toCollabText("title"),
  },
});

/** A new journey: every field the caller leaves out at its default. */
export const newJourney = (
  fields: Pick<JourneyRecord, "id" | "order" | "mapType"> & Partial<JourneyRecord>,
): JourneyRecord => ({ ...journeyKind.defaults(), ...fields });
