import { z } from "zod";
import { LIMITS } from "../model/limits";
import { Id, OrderKey } from "./fields";

/**
 * A card in one cell (stage x lane) of a journey, ordered inside the cell.
 * Its kind is its lane's kind. The author's department is kept so results can
 * be read by department; the name may be left empty to stay anonymous.
 * Stored in the `cards` root.
 */
export const CardRecord = z.looseObject({
  id: Id,
  journeyId: Id,
  stageId: Id,
  laneId: Id,
  order: OrderKey,
  text: z.string().max(LIMITS.cardText),
  authorName: z.string().max(LIMITS.displayName),
  authorDepartment: z.string().max(LIMITS.department),
  createdAt: z.number().int().nonnegative(),
});
export type CardRecord = z.infer<typeof CardRecord>;
