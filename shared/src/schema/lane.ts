import { z } from "zod";
import { LANE_KINDS } from "../model/laneKinds";
import { LIMITS } from "../model/limits";
import { CollabText, Id, OrderKey } from "./fields";
import { fillMissing, recordKind, toCollabText } from "./recordKind";

/** A lane (row) of a journey; its kind types the cards in it. Stored in the `lanes` root. Same title and deletion rules as stages. */
export const LaneRecord = z.looseObject({
  id: Id,
  journeyId: Id,
  kind: z.enum(LANE_KINDS),
  title: CollabText(LIMITS.title),
  preset: z.string().max(64).nullable(),
  order: OrderKey,
  deleted: z.boolean(),
  /** Since 3: shown as a thin band without its cards. */
  collapsed: z.boolean(),
});
export type LaneRecord = z.infer<typeof LaneRecord>;

export const laneKind = recordKind({
  schema: LaneRecord,
  defaults: () => ({ title: "", preset: null, order: "a0", deleted: false, collapsed: false }),
  migrations: {
    3: fillMissing({ collapsed: false }),
    5: toCollabText("title"),
  },
});

/** A new lane: every field the caller leaves out at its default. */
export const newLane = (
  fields: Pick<LaneRecord, "id" | "journeyId" | "order" | "kind"> & Partial<LaneRecord>,
): LaneRecord => ({ ...laneKind.defaults(), ...fields });
