import * as Y from "yjs";
import type { z } from "zod";

/** A stored record: its fields as entries of a nested `Y.Map`. */
export type RecordMap = Y.Map<unknown>;

/** What one schema version does to the records of one kind, inside the migration's transaction. */
export type MigrationStep = (records: Y.Map<RecordMap>) => void;

/**
 * Everything the board knows about one kind of record, kept in the kind's
 * own file (`schema/card.ts`...), as tldraw keeps a shape's validator and
 * migrations in `TLNoteShape.ts`. Operations, repair, the migrations, board
 * files and the server's update check all read it from there, so a new
 * field is written once: in the schema, in `defaults` when it has a safe
 * value, and as a step of the version that adds it.
 */
export interface RecordKind<S extends z.ZodObject, D extends Partial<z.infer<S>>> {
  /**
   * What a stored record must be. Its `CollabText` fields are the kind's
   * text fields (a `Y.Text` in the document, see `layout.ts`).
   */
  readonly schema: S;
  /**
   * A fresh value for every field that has a safe one: what a new record
   * starts with unless given, and what repair gives a record that lost the
   * field. A field without one identifies or places the record (its id,
   * journey, cell, lane kind): a record missing it is removed.
   */
  defaults(): D;
  /**
   * The steps of each schema version that changed this kind, by the version
   * they bring a board to (`migrations.ts` runs them in order). A step
   * writes what its version meant, so it names its values rather than
   * reading today's `defaults`.
   */
  readonly migrations: Readonly<Partial<Record<number, MigrationStep>>>;
}

/** A record kind, its defaults' types kept as written (so constructors can tell which fields they must be given). */
export const recordKind = <S extends z.ZodObject, const D extends Partial<z.infer<S>>>(
  kind: RecordKind<S, D>,
): RecordKind<S, D> => kind;

/** Sets the given fields on a map that lacks them, keeping what it has. */
export function fillFields(map: RecordMap, values: Readonly<Record<string, unknown>>): void {
  for (const [field, value] of Object.entries(values)) if (!map.has(field)) map.set(field, value);
}

/** A step that gives every record lacking one of these fields its value. */
export const fillMissing =
  (values: Readonly<Record<string, unknown>>): MigrationStep =>
  (records) =>
    records.forEach((record) => fillFields(record, values));

/** A step that turns these fields, where they hold a string, into collaborative text (schema 5). */
export const toCollabText =
  (...fields: readonly string[]): MigrationStep =>
  (records) =>
    records.forEach((record) => {
      for (const field of fields) {
        const value = record.get(field);
        if (typeof value === "string") record.set(field, new Y.Text(value));
      }
    });
