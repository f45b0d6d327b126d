import { generateNKeysBetween } from "fractional-indexing";
import { z } from "zod";
import { LIMITS } from "../model/limits";
import { CollabText, Id, OrderKey } from "./fields";
import { recordKind, toCollabText } from "./recordKind";

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

export const personaKind = recordKind({
  schema: PersonaRecord,
  defaults: () => ({ name: "", description: "", goals: "", expectations: "", order: "a0" }),
  migrations: {
    5: toCollabText("name", "description", "goals", "expectations"),
    6(personas) {
      // Until 6 the list was sorted by id: the personas keep the places people saw them in.
      const byId = [...personas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const keys = generateNKeysBetween(null, null, byId.length);
      byId.forEach(([, record], index) => record.set("order", keys[index]));
    },
  },
});

/** A new persona: every field the caller leaves out at its default. */
export const newPersona = (fields: Pick<PersonaRecord, "id" | "order"> & Partial<PersonaRecord>): PersonaRecord => ({
  ...personaKind.defaults(),
  ...fields,
});
