import * as Y from "yjs";
import type { LocalUserOrigin } from "./origins";
import { boardScope } from "./schema/layout";
import { repairAfter } from "./repair";

/**
 * Undo history of one person: tracks only their own origin, so it never
 * reverts a colleague's edit. Undo can break the board's rules (undoing "add
 * stage" leaves its cards orphaned; see repair.ts); the wrappers below repair
 * inside the undo's own transaction, so redo restores exactly what undo took.
 */
export function createUndoManager(doc: Y.Doc, origin: LocalUserOrigin): Y.UndoManager {
  return new Y.UndoManager(boardScope(doc), { trackedOrigins: new Set([origin]), captureTimeout: 0 });
}

/**
 * Runs undo or redo and the repair in one transaction. Y.UndoManager files a
 * transaction under redo (or keeps the redo stack) by looking at its
 * `undoing` / `redoing` flags when the transaction ends; `undo()` clears them
 * before our enclosing transaction ends, so they are held until it does.
 */
function withRepair(undoManager: Y.UndoManager, direction: "undoing" | "redoing"): void {
  try {
    undoManager.doc.transact((transaction) => {
      if (direction === "undoing") undoManager.undo();
      else undoManager.redo();
      repairAfter(undoManager.doc, transaction.changed);
      undoManager[direction] = true;
    }, undoManager);
  } finally {
    undoManager[direction] = false;
  }
}

export const undo = (undoManager: Y.UndoManager): void => withRepair(undoManager, "undoing");
export const redo = (undoManager: Y.UndoManager): void => withRepair(undoManager, "redoing");
