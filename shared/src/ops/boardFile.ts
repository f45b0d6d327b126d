import * as Y from "yjs";
import type { Origin } from "../origins";
import {
  RECORD_ROOTS,
  isTextField,
  metaMap,
  recordsOf,
  storedValue,
  writeRecord,
  type RecordRoot,
  type RecordTypes,
} from "../schema/layout";
import { setText } from "../schema/text";

/** What a board file holds of a board: its settings and every record by kind (`exchange/boardJson.ts` reads and checks it). */
export interface BoardContent {
  meta: Record<string, unknown>;
  records: { [R in RecordRoot]: readonly RecordTypes[R][] };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Writes a file's board into a document, as one change by this origin: every setting, the schema version included, and every record. */
export function writeBoardContent(doc: Y.Doc, board: BoardContent, origin: Origin): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    for (const [key, value] of Object.entries(board.meta)) meta.set(key, value);
    for (const root of RECORD_ROOTS) for (const record of board.records[root]) writeRecord(doc, root, record as never);
  }, origin);
}

/**
 * Lays out an older file's board as its version stored it (plain values in
 * every field, nothing validated: the migrations bring it to the current
 * schema), into a new document, as one change by this origin.
 */
export function writeOlderLayout(
  doc: Y.Doc,
  file: {
    schemaVersion: number;
    meta: Record<string, unknown>;
    records: Partial<Record<RecordRoot, readonly { id: string }[]>>;
  },
  origin: Origin,
): void {
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
  }, origin);
}

function restoreFields(root: RecordRoot, map: Y.Map<unknown>, record: Record<string, unknown>): void {
  for (const key of [...map.keys()]) if (!(key in record)) map.delete(key);
  for (const [key, value] of Object.entries(record)) {
    const current = map.get(key);
    if (current instanceof Y.Text && typeof value === "string" && isTextField(root, key)) setText(current, value);
    else if (!sameJson(current instanceof Y.AbstractType ? current.toJSON() : current, value))
      map.set(key, storedValue(root, key, value));
  }
}

/**
 * Makes the board what a file (a snapshot) holds, as one change by this
 * origin, so its author can undo it: records the file lacks are deleted,
 * new ones written, changed fields set (a text by the smallest change, so
 * a colleague typing in it meanwhile keeps their words), the same ones left
 * alone; the title and settings return too. The schema version stays the board's.
 */
export function restoreBoard(doc: Y.Doc, file: BoardContent, origin: Origin): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    for (const [key, value] of Object.entries(file.meta))
      if (key !== "schemaVersion" && !sameJson(meta.get(key), value)) meta.set(key, value);
    for (const root of RECORD_ROOTS) {
      const records = recordsOf(doc, root);
      const wanted = new Map<string, Record<string, unknown>>(file.records[root].map((record) => [record.id, record]));
      for (const id of [...records.keys()]) if (!wanted.has(id)) records.delete(id);
      for (const [id, record] of wanted) {
        const current = records.get(id);
        if (!current) writeRecord(doc, root, record as never);
        else if (!sameJson(current.toJSON(), record)) restoreFields(root, current, record);
      }
    }
  }, origin);
}
