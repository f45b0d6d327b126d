import { z } from "zod";
import { LIMITS } from "../model/limits";
import { CollabText, Id } from "./fields";

/** A persona a journey belongs to. Stored in the `personas` root. */
export const PersonaRecord = z.looseObject({
  id: Id,
  name: CollabText(LIMITS.title),
  description: CollabText(LIMITS.cardText),
  goals: CollabText(LIMITS.cardText),
  expectations: CollabText(LIMITS.cardText),
});
export type PersonaRecord = z.infer<typeof PersonaRecord>;
