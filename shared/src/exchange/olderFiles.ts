import * as Y from "yjs";
import { z } from "zod";
import { writeOlderLayout } from "../ops/boardFile";
import { serverOrigin } from "../origins";
import { RECORD_ROOTS } from "../schema/layout";
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
  writeOlderLayout(doc, file, serverOrigin("import"));
  migrateBoard(doc);
  return doc;
}
