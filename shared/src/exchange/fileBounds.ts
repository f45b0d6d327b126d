import { LIMITS } from "../model/limits";
import { ID_MAX_LENGTH } from "../schema/fields";
import { RECORD_ROOTS, RECORD_SCHEMAS, type RecordRoot } from "../schema/layout";
import { tooDeep } from "./jsonDepth";
import { fileProblem, type FileProblem } from "./fileProblems";

/**
 * Unknown fields are kept as they are (a newer version's, or another
 * tool's), so the schemas cannot bound them: these do, so a file cannot
 * carry more into a board than live updates could put there.
 */
export const UNKNOWN_FIELDS = {
  /** Unknown fields in one record. */
  count: 16,
  /** Their size together, as JSON. */
  bytes: 4 * 1024,
  /** How deep one of them nests. */
  depth: 8,
} as const;

type Records = Partial<Record<RecordRoot, ReadonlyArray<{ id: string }>>>;

/** What is wrong with a record's unknown fields, in English, or null. */
function unknownFieldsProblem(root: RecordRoot, record: object): string | null {
  const known = RECORD_SCHEMAS[root].shape as Record<string, unknown>;
  const unknown = Object.entries(record).filter(([key]) => !(key in known));
  if (unknown.length === 0) return null;
  if (unknown.length > UNKNOWN_FIELDS.count) return `more than ${UNKNOWN_FIELDS.count} unknown fields`;
  const long = unknown.find(([key]) => key.length > ID_MAX_LENGTH);
  if (long) return `a field name longer than ${ID_MAX_LENGTH} characters`;
  const deep = tooDeep(Object.fromEntries(unknown), UNKNOWN_FIELDS.depth + 1);
  if (deep !== null) return `${deep}: nested deeper than ${UNKNOWN_FIELDS.depth} levels`;
  if (JSON.stringify(Object.fromEntries(unknown)).length > UNKNOWN_FIELDS.bytes) {
    return `unknown fields larger than ${UNKNOWN_FIELDS.bytes} bytes`;
  }
  return null;
}

/**
 * The first reason a file's records cannot become a board, naming where
 * (`records.cards.3: ...`), or null: more records than a board holds, an id
 * twice in one kind (the second would silently replace the first), unknown
 * fields past their bounds.
 */
export function recordsProblem(records: Records): FileProblem | null {
  const total = RECORD_ROOTS.reduce((sum, root) => sum + (records[root]?.length ?? 0), 0);
  if (total > LIMITS.boardRecords) {
    return fileProblem("tooManyRecords", "records", `${total} records, a board holds ${LIMITS.boardRecords}`);
  }
  for (const root of RECORD_ROOTS) {
    const seen = new Set<string>();
    for (const [index, record] of (records[root] ?? []).entries()) {
      if (seen.has(record.id)) return fileProblem("twice", `records.${root}.${index}.id`, `${record.id} appears twice`);
      seen.add(record.id);
      const problem = unknownFieldsProblem(root, record);
      if (problem) return fileProblem("unknownFields", `records.${root}.${index}`, problem);
    }
  }
  return null;
}
