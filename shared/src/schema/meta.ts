import type * as Y from "yjs";
import { z } from "zod";
import { LIMITS } from "../model/limits";
import { LANGUAGES } from "../i18n/index";
import { fillFields } from "./recordKind";

export const TIMELINE_DIRECTIONS = ["ltr", "rtl"] as const;
export type TimelineDirection = (typeof TIMELINE_DIRECTIONS)[number];

/** Board-wide settings, stored as the `meta` root map. */
export const BoardMeta = z.looseObject({
  schemaVersion: z.number().int().positive(),
  title: z.string().max(LIMITS.title),
  /** The language of its exports: one we have a catalog for. */
  locale: z.enum(LANGUAGES),
  createdAt: z.number().int().nonnegative(),
  /** Since schema 2: which way stages run across the canvas. */
  timelineDirection: z.enum(TIMELINE_DIRECTIONS),
});
export type BoardMeta = z.infer<typeof BoardMeta>;

/**
 * The settings' defaults (a new board's, beside its title, language and
 * time) and the steps of the versions that changed them, as a record kind
 * has them (`recordKind.ts`); a step takes the `meta` map.
 */
export const metaKind: {
  readonly schema: typeof BoardMeta;
  defaults(): Pick<BoardMeta, "timelineDirection">;
  readonly migrations: Readonly<Partial<Record<number, (meta: Y.Map<unknown>) => void>>>;
} = {
  schema: BoardMeta,
  defaults: () => ({ timelineDirection: "ltr" }),
  migrations: {
    2: (meta) => fillFields(meta, { timelineDirection: "ltr" }),
  },
};
