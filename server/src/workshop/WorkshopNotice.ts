import { z } from "zod";
import { ROLES } from "@journeyboard/shared";

/**
 * What a change of a board's workshop tells the other instances holding
 * the board (`scale/WorkshopRelay.ts`); with one instance, nobody. Never
 * a value: each part named is read again from the store, which holds it
 * already, so instances that hear of two changes in either order show
 * what the store holds after both.
 */
/** Every part of a workshop document, each read from the store on its own. */
export const WORKSHOP_PARTS = [
  "phase",
  "timer",
  "historyAt",
  "rounds",
  "locks",
  "follow",
  "cofacilitators",
  "othersCards",
  "anonymous",
] as const;

export const WorkshopNotice = z.strictObject({
  /** Parts of the workshop document to read again from the store. */
  parts: z.array(z.enum(WORKSHOP_PARTS)),
  /** A round whose list of who still has dots changed: each instance tells its own facilitators. */
  progress: z.string().max(64).optional(),
  /** A role whose link was rotated or revoked: its connections close on every instance. */
  revoked: z.enum(ROLES).optional(),
  /** An invited person whose personal link was revoked or issued again: connections opened with it close on every instance. */
  revokedInvite: z.string().max(64).optional(),
});
export type WorkshopNotice = z.infer<typeof WorkshopNotice>;
export type WorkshopPart = WorkshopNotice["parts"][number];

/** Tells the other instances of a change; with one instance, nobody. */
export type Announce = (boardId: string, notice: WorkshopNotice) => void;
