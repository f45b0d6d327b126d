import * as Y from "yjs";
import { ActionRecord } from "./action";
import { CardRecord } from "./card";
import { JourneyRecord } from "./journey";
import { LaneRecord } from "./lane";
import { LinkRecord } from "./link";
import { PersonaRecord } from "./persona";
import { RatingRecord } from "./rating";
import { StageRecord } from "./stage";
import { isTextField, setText, storedValue } from "./text";

/**
 * The Yjs document of a board. Each record kind lives in its own root map,
 * keyed by record id; each record is a nested Y.Map with one entry per field,
 * so two people editing different fields of one card both win.
 * Ordering uses fractional-index strings in an `order` field rather than
 * Y.Array positions: a Y.Array move is a delete plus an insert, which
 * duplicates a card when two people move it at once.
 */
export const RECORD_SCHEMAS = {
  personas: PersonaRecord,
  journeys: JourneyRecord,
  stages: StageRecord,
  lanes: LaneRecord,
  cards: CardRecord,
  links: LinkRecord,
  ratings: RatingRecord,
  actions: ActionRecord,
} as const;

export type RecordRoot = keyof typeof RECORD_SCHEMAS;
export const RECORD_ROOTS = Object.keys(RECORD_SCHEMAS) as RecordRoot[];
export const META_ROOT = "meta";

export interface RecordTypes {
  personas: PersonaRecord;
  journeys: JourneyRecord;
  stages: StageRecord;
  lanes: LaneRecord;
  cards: CardRecord;
  links: LinkRecord;
  ratings: RatingRecord;
  actions: ActionRecord;
}

export type RecordMap = Y.Map<unknown>;

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(META_ROOT);
export const recordsOf = (doc: Y.Doc, root: RecordRoot): Y.Map<RecordMap> => doc.getMap<RecordMap>(root);

/** Every shared type a board's history covers: what undo tracks and what an export holds. */
export const boardScope = (doc: Y.Doc): Y.Map<unknown>[] => [
  metaMap(doc),
  ...RECORD_ROOTS.map((root) => recordsOf(doc, root) as Y.Map<unknown>),
];

/** A record's current fields as a plain object (unknown fields included). */
export function readRecord<R extends RecordRoot>(doc: Y.Doc, root: R, id: string): RecordTypes[R] | undefined {
  const map = recordsOf(doc, root).get(id);
  return map ? (map.toJSON() as RecordTypes[R]) : undefined;
}

export function readAll<R extends RecordRoot>(doc: Y.Doc, root: R): RecordTypes[R][] {
  const out: RecordTypes[R][] = [];
  recordsOf(doc, root).forEach((map) => out.push(map.toJSON() as RecordTypes[R]));
  return out;
}

/** Validates a record; an invalid one is refused with the first problem, naming the field. */
function validate<R extends RecordRoot>(root: R, record: unknown): RecordTypes[R] {
  const result = RECORD_SCHEMAS[root].safeParse(record);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DomainError("invalid", `${root}.${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  return result.data as RecordTypes[R];
}

export function writeRecord<R extends RecordRoot>(doc: Y.Doc, root: R, record: RecordTypes[R]): void {
  const parsed = validate(root, record);
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(parsed)) map.set(key, storedValue(root, key, value));
  recordsOf(doc, root).set(record.id, map);
}

/**
 * Sets some fields of an existing record, validating the result as a whole.
 * A text field gets only what differs (see `setText`), so a colleague's
 * concurrent typing in it is kept.
 */
export function patchRecord<R extends RecordRoot>(
  doc: Y.Doc,
  root: R,
  id: string,
  patch: Partial<RecordTypes[R]>,
): void {
  const map = recordsOf(doc, root).get(id);
  if (!map) throw new DomainError("not-found", `${root} ${id} does not exist`);
  validate(root, { ...map.toJSON(), ...patch });
  for (const [key, value] of Object.entries(patch)) {
    const current = map.get(key);
    if (current instanceof Y.Text && typeof value === "string" && isTextField(root, key)) setText(current, value);
    else if (current !== value) map.set(key, storedValue(root, key, value));
  }
}

export type DomainErrorCode = "not-found" | "invalid" | "deleted" | "full";

/** An operation refused because its arguments do not fit the board. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
