import { z } from "zod";
import { LIMITS } from "../model/limits";
import { Id } from "./fields";

/** A persona a journey belongs to. Stored in the `personas` root. */
export const PersonaRecord = z.looseObject({
  id: Id,
  name: z.string().max(LIMITS.title),
  description: z.string().max(LIMITS.cardText),
  goals: z.string().max(LIMITS.cardText),
  expectations: z.string().max(LIMITS.cardText),
});
export type PersonaRecord = z.infer<typeof PersonaRecord>;
