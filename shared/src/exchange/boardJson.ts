import * as Y from "yjs";
import { z } from "zod";
import { danglingReferences, settledViolations } from "../invariants";
import { LIMITS } from "../model/limits";
import { writeBoardContent } from "../ops/boardFile";
import { serverOrigin } from "../origins";
import { RECORD_ROOTS, RECORD_SCHEMAS, metaMap, readAll, recordsOf, type RecordRoot } from "../schema/layout";
import { BoardMeta } from "../schema/meta";
import type { CardRecord } from "../schema/card";
import type { RecordMap } from "../schema/recordKind";
import { mergeRootIn } from "../read/merges";
import { SCHEMA_VERSION } from "../schema/migrations";
import { recordsProblem } from "./fileBounds";
import { FileRefused, fileProblem, type FileProblem } from "./fileProblems";
import { MAX_JSON_DEPTH, tooDeep } from "./jsonDepth";
import { OlderBoardFile, migrateOlderFile } from "./olderFiles";
import { BoardWorkshop } from "./workshopJson";

export const BOARD_FORMAT = "journeyboard/board";
/** The most records of one kind a board file may hold. */
export const MAX_RECORDS_PER_KIND = 50_000;

/**
 * A whole board as a file (`board.json`): its settings and every record,
 * unknown fields included, each kind sorted by id and each record's fields
 * by name, so the same board always gives the same bytes. Importing it recreates the board with the same
 * records. Its JSON Schema is `boardJsonSchema()` (served at
 * `/api/schemas/board.json`). Text that people write together is stored as
 * collaborative text in the board and written here as its plain string.
 */
export const BoardFile = z.strictObject({
  format: z.literal(BOARD_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  meta: BoardMeta.extend({ schemaVersion: z.literal(SCHEMA_VERSION) }),
  records: z.strictObject(
    Object.fromEntries(RECORD_ROOTS.map((root) => [root, z.array(RECORD_SCHEMAS[root]).max(MAX_RECORDS_PER_KIND)])) as {
      [R in RecordRoot]: z.ZodArray<(typeof RECORD_SCHEMAS)[R]>;
    },
  ),
  /** The phase and the revealed voting rounds, which the server keeps beside the document (optional: older files lack it). */
  workshop: BoardWorkshop.optional(),
});
export type BoardFile = z.infer<typeof BoardFile>;

/** An object with its keys in order: the same content always gives the same bytes. */
const sortedKeys = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;

/** The fields of ratings and links that name a card. */
const CARD_REFERENCES = ["cardId", "fromCardId", "toCardId"] as const;

/**
 * A card as a file holds it: merged straight into the card the board shows
 * it in (its merge's root, `read/merges.ts`) and in that card's cell, or
 * into nothing when it stands alone, so the file reads the same whatever
 * chains or loops concurrent merges left.
 */
function settledMerge(cards: Y.Map<RecordMap>, card: CardRecord): CardRecord {
  const rootId = mergeRootIn(cards, card.id);
  const root = cards.get(rootId);
  if (rootId === card.id || !root) return { ...card, mergedInto: null };
  return { ...card, mergedInto: rootId, stageId: String(root.get("stageId")), laneId: String(root.get("laneId")) };
}

/** The board's file; with the server's `workshop` part (`boardWorkshop`) when it is given. */
export function exportBoard(doc: Y.Doc, workshop?: BoardWorkshop): BoardFile {
  const cards = recordsOf(doc, "cards");
  // Ratings and links of a card not on the board stay out (see `danglingReferences`).
  const onBoard = (record: Record<string, unknown>) =>
    CARD_REFERENCES.every((field) => !(field in record) || cards.has(String(record[field])));
  const records = Object.fromEntries(
    RECORD_ROOTS.map((root) => [
      root,
      readAll(doc, root)
        .filter((record) => onBoard(record as Record<string, unknown>))
        .map((record) => (root === "cards" ? settledMerge(cards, record as CardRecord) : record))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map(sortedKeys),
    ]),
  ) as BoardFile["records"];
  return {
    format: BOARD_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    meta: sortedKeys(metaMap(doc).toJSON() as BoardMeta),
    records,
    ...(workshop ? { workshop } : {}),
  };
}

/** The board's file as an anonymous board gives it out (`anonymous.ts`): every card's department, no author's name. */
export const withoutAuthorNames = (file: BoardFile): BoardFile => ({
  ...file,
  records: { ...file.records, cards: file.records.cards.map((card) => ({ ...card, authorName: "" })) },
});

export type ParsedBoardFile = { ok: true; board: BoardFile } | ({ ok: false; error: string } & FileProblem);

const refused = (problem: FileProblem): ParsedBoardFile => ({ ok: false, error: problem.message, ...problem });

const firstProblem = (error: z.ZodError) => {
  const issue = error.issues[0];
  return fileProblem("invalid", issue?.path.join(".") || "file", issue?.message ?? "invalid");
};

/**
 * Reads a board file, naming the first bad field (e.g. `records.cards.3.text: ...`)
 * when it is not one (its records also within `fileBounds.ts`). A file of an earlier schema version is migrated first,
 * so downloads and history snapshots stay readable across upgrades.
 */
export function parseBoardFile(json: unknown): ParsedBoardFile {
  const deep = tooDeep(json);
  if (deep !== null) return refused(fileProblem("tooDeep", deep, `nested deeper than ${MAX_JSON_DEPTH} levels`));
  const older = OlderBoardFile.safeParse(json);
  // Checked before the migration, which would build the whole board first.
  const olderProblem = older.success ? recordsProblem(older.data.records) : null;
  if (olderProblem) return refused(olderProblem);
  const file = older.success
    ? {
        ...exportBoard(migrateOlderFile(older.data)),
        ...(older.data.workshop === undefined ? {} : { workshop: older.data.workshop }),
      }
    : json;
  const parsed = BoardFile.safeParse(file);
  if (!parsed.success) return refused(firstProblem(parsed.error));
  const problem = recordsProblem(parsed.data.records);
  return problem ? refused(problem) : { ok: true, board: parsed.data };
}

/**
 * A new board document holding exactly the file's board. A file whose
 * records break the board's invariants (a card in a stage that is not
 * there...) or whose board would pass its size in bytes is refused whole:
 * `FileRefused`, naming the first problem.
 */
export function importBoard(board: BoardFile): Y.Doc {
  const doc = new Y.Doc();
  writeBoardContent(doc, board, serverOrigin("import"));
  const problems = [...settledViolations(doc), ...danglingReferences(doc)];
  if (problems.length) throw new FileRefused(fileProblem("broken", "records", problems[0]!));
  const bytes = Y.encodeStateAsUpdate(doc).byteLength;
  if (bytes > LIMITS.boardBytes) {
    throw new FileRefused(
      fileProblem("boardTooLarge", "file", `the board would take ${bytes} bytes, a board holds ${LIMITS.boardBytes}`),
    );
  }
  return doc;
}

/** The JSON Schema of `board.json`. */
export const boardJsonSchema = (): unknown => z.toJSONSchema(BoardFile, { unrepresentable: "any" });
