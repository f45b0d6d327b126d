import { z } from "zod";
import { LIMITS } from "../model/limits";
import { CollabText, Id, OrderKey } from "./fields";
import { recordKind, toCollabText } from "./recordKind";

export const ACTION_STATUSES = ["proposed", "agreed", "inProgress", "done"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const HORIZONS = ["week", "month", "quarter"] as const;
export type Horizon = (typeof HORIZONS)[number];
/** Where an action falls on the impact × effort matrix. */
export const QUADRANTS = ["quickWin", "majorChange", "fillIn", "timeSink"] as const;
export type Quadrant = (typeof QUADRANTS)[number];

const Score = z.number().int().min(1).max(5);

/**
 * An action of the board's plan (since 4), in the `actions` root. `order` is
 * the shared priority, set by hand or from votes, impact and effort.
 * `cardIds` are the cards it addresses (irritants, magic moments...);
 * `quadrant` overrides the one impact and effort give, or is null.
 * `dots` are the votes its cards had when it was promoted.
 */
export const ActionRecord = z.looseObject({
  id: Id,
  title: CollabText(LIMITS.title),
  description: CollabText(LIMITS.cardText),
  cardIds: z.array(Id).max(100),
  ownerDepartment: z.string().max(LIMITS.department).nullable(),
  impact: Score,
  effort: Score,
  horizon: z.enum(HORIZONS),
  status: z.enum(ACTION_STATUSES),
  quadrant: z.enum(QUADRANTS).nullable(),
  dots: z.number().int().min(0).max(100_000),
  order: OrderKey,
  createdAt: z.number().int().nonnegative(),
});
export type ActionRecord = z.infer<typeof ActionRecord>;

export const actionKind = recordKind({
  schema: ActionRecord,
  defaults: () => ({
    title: "",
    description: "",
    cardIds: [] as string[],
    ownerDepartment: null,
    impact: 3,
    effort: 3,
    horizon: "month",
    status: "proposed",
    quadrant: null,
    dots: 0,
  }),
  migrations: {
    // The `actions` root is new in 4 and starts empty: nothing stored then changes shape.
    5: toCollabText("title", "description"),
  },
});

/** A new action: every field the caller leaves out at its default. */
export const newAction = (
  fields: Pick<ActionRecord, "id" | "order" | "createdAt"> & Partial<ActionRecord>,
): ActionRecord => ({ ...actionKind.defaults(), ...fields });

/** The quadrant impact and effort give (3 and more counts as high), unless overridden. */
export function quadrantOf(action: Pick<ActionRecord, "impact" | "effort" | "quadrant">): Quadrant {
  if (action.quadrant) return action.quadrant;
  const high = (score: number) => score >= 3;
  if (high(action.impact)) return high(action.effort) ? "majorChange" : "quickWin";
  return high(action.effort) ? "timeSink" : "fillIn";
}
