import * as Y from "yjs";
import type { z } from "zod";
import { actionKind } from "./action";
import { cardKind } from "./card";
import { isCollabText } from "./fields";
import { journeyKind } from "./journey";
import { laneKind } from "./lane";
import { linkKind } from "./link";
import { personaKind } from "./persona";
import { ratingKind } from "./rating";
import type { RecordMap } from "./recordKind";
import { stageKind } from "./stage";
import { setText } from "./text";

/**
 * The Yjs document of a board. Each record kind lives in its own root map,
 * keyed by record id; each record is a nested Y.Map with one entry per field,
 * so two people editing different fields of one card both win.
 * Ordering uses fractional-index strings in an `order` field rather than
 * Y.Array positions: a Y.Array move is a delete plus an insert, which
 * duplicates a card when two people move it at once.
 */
export const RECORD_KINDS = {
  personas: personaKind,
  journeys: journeyKind,
  stages: stageKind,
  lanes: laneKind,
  cards: cardKind,
  links: linkKind,
  ratings: ratingKind,
  actions: actionKind,
} as const;

export type RecordRoot = keyof typeof RECORD_KINDS;
export const RECORD_ROOTS = Object.keys(RECORD_KINDS) as RecordRoot[];
export const META_ROOT = "meta";

type Schemas = { readonly [R in RecordRoot]: (typeof RECORD_KINDS)[R]["schema"] };
/** Each kind's validator. */
export const RECORD_SCHEMAS = Object.fromEntries(
  RECORD_ROOTS.map((root) => [root, RECORD_KINDS[root].schema]),
) as Schemas;

export type RecordTypes = { [R in RecordRoot]: z.infer<Schemas[R]> };

/**
 * The fields people write together: each kind's `CollabText` fields. Each
 * is a `Y.Text` inside its record's map (since schema 5), so two people
 * typing in one card merge character by character instead of the last one
 * replacing the other's whole text. Readers see plain strings
 * (`Y.Map.toJSON` turns a `Y.Text` into one). Plain text only: no
 * formatting attributes, no embeds.
 */
export const TEXT_FIELDS: { readonly [R in RecordRoot]: readonly string[] } = Object.fromEntries(
  RECORD_ROOTS.map((root) => [
    root,
    Object.entries(RECORD_SCHEMAS[root].shape)
      .filter(([, schema]) => isCollabText(schema))
      .map(([field]) => field),
  ]),
) as Record<RecordRoot, string[]>;

export const isTextField = (root: RecordRoot, field: string): boolean => TEXT_FIELDS[root].includes(field);

/** What a field holds in the document: a new `Y.Text` for a text field, the value itself otherwise. */
export const storedValue = (root: RecordRoot, field: string, value: unknown): unknown =>
  typeof value === "string" && isTextField(root, field) ? new Y.Text(value) : value;

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
