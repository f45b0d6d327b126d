import * as Y from "yjs";
import { z } from "zod";
import { settledViolations } from "../invariants";
import { serverOrigin } from "../origins";
import {
  DomainError,
  RECORD_ROOTS,
  RECORD_SCHEMAS,
  metaMap,
  readAll,
  writeRecord,
  type RecordRoot,
} from "../schema/layout";
import { BoardMeta } from "../schema/meta";
import { SCHEMA_VERSION } from "../schema/migrations";

export const BOARD_FORMAT = "journeyboard/board";
/** The most records of one kind a board file may hold. */
export const MAX_RECORDS_PER_KIND = 50_000;

/**
 * A whole board as a file (`board.json`): its settings and every record,
 * unknown fields included, each kind sorted by id so the same board always
 * gives the same bytes. Importing it recreates the board with the same
 * records. Its JSON Schema is `boardJsonSchema()` (served at
 * `/api/schemas/board.json`).
 */
export const BoardFile = z.strictObject({
  format: z.literal(BOARD_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  meta: BoardMeta,
  records: z.strictObject(
    Object.fromEntries(RECORD_ROOTS.map((root) => [root, z.array(RECORD_SCHEMAS[root]).max(MAX_RECORDS_PER_KIND)])) as {
      [R in RecordRoot]: z.ZodArray<(typeof RECORD_SCHEMAS)[R]>;
    },
  ),
});
export type BoardFile = z.infer<typeof BoardFile>;

export function exportBoard(doc: Y.Doc): BoardFile {
  const records = Object.fromEntries(
    RECORD_ROOTS.map((root) => [root, readAll(doc, root).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))]),
  ) as BoardFile["records"];
  return {
    format: BOARD_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    meta: metaMap(doc).toJSON() as BoardMeta,
    records,
  };
}

export type ParsedBoardFile = { ok: true; board: BoardFile } | { ok: false; error: string };

/** Reads a board file, naming the first bad field (e.g. `records.cards.3.text: ...`) when it is not one. */
export function parseBoardFile(json: unknown): ParsedBoardFile {
  const parsed = BoardFile.safeParse(json);
  if (parsed.success) return { ok: true, board: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}` };
}

/**
 * A new board document holding exactly the file's board. A file whose
 * records break the board's invariants (a card in a stage that is not
 * there...) is refused whole, naming the first problem.
 */
export function importBoard(board: BoardFile): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = metaMap(doc);
    for (const [key, value] of Object.entries(board.meta)) meta.set(key, value);
    for (const root of RECORD_ROOTS) for (const record of board.records[root]) writeRecord(doc, root, record as never);
  }, serverOrigin("import"));
  const problems = settledViolations(doc);
  if (problems.length) throw new DomainError("invalid", `records: ${problems[0]}`);
  return doc;
}

/** The JSON Schema of `board.json`. */
export const boardJsonSchema = (): unknown => z.toJSONSchema(BoardFile, { unrepresentable: "any" });
