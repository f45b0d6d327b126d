import { z } from "zod";
import { LIMITS } from "../model/limits";
import { CollabText, Id, OrderKey } from "./fields";

/** A persona a journey belongs to. Stored in the `personas` root, listed by `order` (a new one goes last). */
export const PersonaRecord = z.looseObject({
  id: Id,
  name: CollabText(LIMITS.title),
  description: CollabText(LIMITS.cardText),
  goals: CollabText(LIMITS.cardText),
  expectations: CollabText(LIMITS.cardText),
  order: OrderKey,
});
export type PersonaRecord = z.infer<typeof PersonaRecord>;
