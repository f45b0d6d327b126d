import * as Y from "yjs";
import type { LocalUserOrigin } from "./origins";
import { boardScope } from "./schema/layout";
import { repairOrphans } from "./repair";

/**
 * Undo history of one person: tracks only their own origin, so it never
 * reverts a colleague's edit. Undoing "add stage" removes the stage; the
 * wrappers below repair orphan cards inside the undo's own transaction, so
 * redo brings the cards back with the stage.
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
    undoManager.doc.transact(() => {
      if (direction === "undoing") undoManager.undo();
      else undoManager.redo();
      repairOrphans(undoManager.doc);
      undoManager[direction] = true;
    }, undoManager);
  } finally {
    undoManager[direction] = false;
  }
}

export const undo = (undoManager: Y.UndoManager): void => withRepair(undoManager, "undoing");
export const redo = (undoManager: Y.UndoManager): void => withRepair(undoManager, "redoing");
