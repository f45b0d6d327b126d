import * as Y from "yjs";
import { z } from "zod";
import { RECORD_ROOTS, metaMap, recordsOf } from "../schema/layout";
import { Id } from "../schema/fields";
import { SCHEMA_VERSION, migrateBoard } from "../schema/migrations";

/**
 * A board file written under an earlier schema version (a download or a
 * history snapshot from before an upgrade): only its outline is checked
 * here; its records are checked once migrated, as any current file.
 */
export const OlderBoardFile = z.strictObject({
  format: z.literal("journeyboard/board"),
  schemaVersion: z
    .number()
    .int()
    .min(1)
    .max(SCHEMA_VERSION - 1),
  meta: z.looseObject({}),
  records: z.partialRecord(z.enum(RECORD_ROOTS), z.array(z.looseObject({ id: Id }))),
  /** The workshop part (`workshopJson.ts`) is not part of the document and needs no migration: checked as it is. */
  workshop: z.unknown().optional(),
});
export type OlderBoardFile = z.infer<typeof OlderBoardFile>;

/**
 * The board an older file holds, brought to the current schema: its records
 * are laid out as that version stored them (plain values in every field),
 * then the migrations run, as they do for a stored board when it loads.
 */
export function migrateOlderFile(file: OlderBoardFile): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = metaMap(doc);
    for (const [key, value] of Object.entries(file.meta)) meta.set(key, value);
    meta.set("schemaVersion", file.schemaVersion);
    for (const root of RECORD_ROOTS) {
      for (const record of file.records[root] ?? []) {
        const map = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(record)) map.set(key, value);
        recordsOf(doc, root).set(record.id, map);
      }
    }
  });
  migrateBoard(doc);
  return doc;
}
