import type * as Y from "yjs";
import type { Origin } from "../origins";
import { newPersona, type PersonaRecord } from "../schema/persona";
import { DomainError, patchRecord, readAll, recordsOf, writeRecord } from "../schema/layout";
import { byOrder, keyAtEnd } from "./order";

export type PersonaFields = Omit<PersonaRecord, "id" | "order">;

/** The board's personas in their order: the order they were added in. */
export const personasInOrder = (doc: Y.Doc): PersonaRecord[] => readAll(doc, "personas").sort(byOrder);

/** Adds a persona after the others. */
export function addPersona(doc: Y.Doc, args: { id: string } & Partial<PersonaFields>, origin: Origin): void {
  doc.transact(() => {
    writeRecord(doc, "personas", newPersona({ ...args, order: keyAtEnd(personasInOrder(doc)) }));
  }, origin);
}

export function updatePersona(doc: Y.Doc, args: { id: string } & Partial<PersonaFields>, origin: Origin): void {
  const { id, ...fields } = args;
  doc.transact(() => patchRecord(doc, "personas", id, fields), origin);
}

/** Removes a persona; its journeys stay, belonging to no persona. */
export function deletePersona(doc: Y.Doc, args: { id: string }, origin: Origin): void {
  doc.transact(() => {
    if (!recordsOf(doc, "personas").has(args.id))
      throw new DomainError("not-found", `persona ${args.id} does not exist`);
    recordsOf(doc, "journeys").forEach((journey) => {
      if (journey.get("personaId") === args.id) journey.set("personaId", null);
    });
    recordsOf(doc, "personas").delete(args.id);
  }, origin);
}
