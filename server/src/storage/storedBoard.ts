import * as Y from "yjs";
import { migrateBoard } from "@journeyboard/shared";
import type { StoredBoard } from "./BoardStore";

/**
 * Applies a stored board (snapshot, then the log) to a document in one
 * transaction, update by update: `Y.mergeUpdates` over a long log costs
 * seconds where this costs milliseconds.
 */
export function applyStored(document: Y.Doc, stored: StoredBoard): void {
  document.transact(() => {
    if (stored.snapshot) Y.applyUpdate(document, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(document, update);
  });
}

/** A stored board in a document of its own, migrated to this version, for reading (nothing is written back). */
export function readStored(stored: StoredBoard): Y.Doc {
  const doc = new Y.Doc();
  applyStored(doc, stored);
  migrateBoard(doc);
  return doc;
}
