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

/**
 * Applies updates to a document that nobody is connected to yet, without
 * its update listeners: Yjs encodes a transaction's whole update for them
 * when it ends, a third of the time a large board takes to load, and the
 * one listening then (Hocuspocus, to relay it) has nobody to send it to.
 * Hocuspocus registers it before the load hook runs, and lib0's observable
 * keeps it in `_observers`.
 */
export function applyUnheard(document: Y.Doc, updates: Uint8Array[]): void {
  const listeners = document._observers.get("update");
  document._observers.delete("update");
  try {
    document.transact(() => {
      for (const update of updates) Y.applyUpdate(document, update);
    });
  } finally {
    if (listeners) document._observers.set("update", listeners);
  }
}

/** A stored board's pieces in order: the snapshot, then the log. */
export const piecesOf = (stored: StoredBoard): Uint8Array[] =>
  stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;

/** A stored board in a document of its own, migrated to this version, for reading (nothing is written back). */
export function readStored(stored: StoredBoard): Y.Doc {
  const doc = new Y.Doc();
  applyStored(doc, stored);
  migrateBoard(doc);
  return doc;
}
