import { z } from "zod";
import { LIMITS } from "../model/limits";
import { CollabText, Id, OrderKey } from "./fields";
import { fillMissing, recordKind, toCollabText } from "./recordKind";

export const MIN_STAGE_WIDTH = 160;
export const MAX_STAGE_WIDTH = 640;

/**
 * A stage (column) of a journey. Stored in the `stages` root.
 * `title` is what someone typed; when empty, the UI shows the translated
 * `preset` title. Deleting a stage sets `deleted`, so that a card added
 * concurrently into it still points at a real record, and undo restores it.
 */
export const StageRecord = z.looseObject({
  id: Id,
  journeyId: Id,
  title: CollabText(LIMITS.title),
  preset: z.string().max(64).nullable(),
  order: OrderKey,
  deleted: z.boolean(),
  /** Since 3: shown as a narrow column. */
  collapsed: z.boolean(),
  /** Since 3: column width in pixels; null for the default. */
  width: z.number().int().min(MIN_STAGE_WIDTH).max(MAX_STAGE_WIDTH).nullable(),
});
export type StageRecord = z.infer<typeof StageRecord>;

export const stageKind = recordKind({
  schema: StageRecord,
  defaults: () => ({ title: "", preset: null, order: "a0", deleted: false, collapsed: false, width: null }),
  migrations: {
    3: fillMissing({ collapsed: false, width: null }),
    5: toCollabText("title"),
  },
});

/** A new stage: every field the caller leaves out at its default. */
export const newStage = (
  fields: Pick<StageRecord, "id" | "journeyId" | "order"> & Partial<StageRecord>,
): StageRecord => ({ ...stageKind.defaults(), ...fields });
