import * as Y from "yjs";
import { cardsIn } from "./cardIndex";
import { RECORD_KINDS, RECORD_ROOTS, RECORD_SCHEMAS, recordsOf, storedValue, type RecordRoot } from "./schema/layout";

/**
 * Repairs that keep a board whole, run inside the transaction that broke it
 * (operations, undo and redo) or, for what two people break at the same
 * moment, by the server right after the change that did.
 *
 * 1. A card exists only while its stage and its lane are live.
 * 2. A record is complete. Undo can bring back a record without a field a
 *    colleague overwrote meanwhile (Y.UndoManager will not redo a map entry
 *    that has a newer one, even a deleted one): fields with a safe default
 *    get it, and a record missing what identifies it is removed.
 */

/** The types a transaction changed, with the keys changed in each (`Y.Transaction.changed`). */
export type ChangedTypes = Y.Transaction["changed"];

export function isCardOrphan(doc: Y.Doc, card: Y.Map<unknown>): boolean {
  const stage = recordsOf(doc, "stages").get(String(card.get("stageId")));
  const lane = recordsOf(doc, "lanes").get(String(card.get("laneId")));
  return !stage || !lane || stage.get("deleted") === true || lane.get("deleted") === true;
}

/** Deletes every orphan card; call inside a transaction. Returns the deleted ids. */
export function repairOrphans(doc: Y.Doc): string[] {
  const cards = recordsOf(doc, "cards");
  const orphans: string[] = [];
  cards.forEach((card, id) => {
    if (isCardOrphan(doc, card)) orphans.push(id);
  });
  for (const id of orphans) cards.delete(id);
  return orphans;
}

/** Completes or removes an invalid record; returns whether it changed anything. */
function repairRecord(doc: Y.Doc, root: RecordRoot, id: string): boolean {
  const record = recordsOf(doc, root).get(id);
  if (!record || RECORD_SCHEMAS[root].safeParse(record.toJSON()).success) return false;
  for (const [field, value] of Object.entries(RECORD_KINDS[root].defaults())) {
    if (!record.has(field)) record.set(field, storedValue(root, field, value));
  }
  if (!RECORD_SCHEMAS[root].safeParse(record.toJSON()).success) recordsOf(doc, root).delete(id);
  return true;
}

/** The records a set of changed types touched, by root. */
function touchedRecords(doc: Y.Doc, changed: ChangedTypes) {
  const roots = new Map<unknown, RecordRoot>(RECORD_ROOTS.map((root) => [recordsOf(doc, root), root]));
  const touched = new Map<RecordRoot, Set<string>>();
  const add = (root: RecordRoot, id: string) => touched.set(root, (touched.get(root) ?? new Set()).add(id));
  for (const [type, keys] of changed) {
    const root = roots.get(type);
    if (root) keys.forEach((key) => key !== null && add(root, key));
    else if (type instanceof Y.Map && type.parent !== null) {
      // The record's key in its root, not its `id` field: a change may have removed or altered that field.
      const parentRoot = roots.get(type.parent);
      const key = type._item?.parentSub;
      if (parentRoot && typeof key === "string") add(parentRoot, key);
    }
  }
  return touched;
}

/**
 * The cards a change may have orphaned: those it touched, and those (from
 * the index) of each touched stage or lane that is now gone or deleted. A
 * live stage orphans nothing, so renaming one looks at no card.
 */
function suspects(doc: Y.Doc, touched: Map<RecordRoot, Set<string>>): Set<string> {
  const ids = new Set(touched.get("cards"));
  for (const axis of ["stages", "lanes"] as const) {
    for (const id of touched.get(axis) ?? []) {
      const record = recordsOf(doc, axis).get(id);
      if (!record || record.get("deleted") === true) cardsIn(doc, axis, id).forEach((card) => ids.add(card));
    }
  }
  return ids;
}

/**
 * Repairs what a transaction touched, costing in proportion to the change:
 * incomplete records, then the cards it may have orphaned. Call inside a
 * transaction; pass the changed types of the transaction to check (the
 * current one, or one that just ended).
 */
export function repairAfter(doc: Y.Doc, changed: ChangedTypes): void {
  const touched = touchedRecords(doc, changed);
  for (const [root, ids] of touched) for (const id of ids) repairRecord(doc, root, id);
  const cards = recordsOf(doc, "cards");
  for (const id of suspects(doc, touched)) {
    const card = cards.get(id);
    if (card && isCardOrphan(doc, card)) cards.delete(id);
  }
}

/** Whether a finished transaction left anything for `repairAfter` to do, without changing the board. */
export function needsRepair(doc: Y.Doc, transaction: Y.Transaction): boolean {
  const touched = touchedRecords(doc, transaction.changed);
  for (const [root, ids] of touched) {
    for (const id of ids) {
      const record = recordsOf(doc, root).get(id);
      if (record && !RECORD_SCHEMAS[root].safeParse(record.toJSON()).success) return true;
    }
  }
  const cards = recordsOf(doc, "cards");
  for (const id of suspects(doc, touched)) {
    const card = cards.get(id);
    if (card && isCardOrphan(doc, card)) return true;
  }
  return false;
}
