import * as Y from "yjs";
import type { LocalUserOrigin } from "./origins";
import { RECORD_ROOTS, boardScope, recordsOf } from "./schema/layout";
import { repairAfter } from "./repair";

/** Typing faster than this pause makes one step of undo, up to the end of a word. */
export const TYPING_PAUSE_MS = 1000;

/** Set in the meta of a transaction that types into a text field: whether it ended a word. */
export const TYPING = "journeyboard.typing";

/**
 * Set in the meta of each transaction of a change made in several (a large
 * paste, sent in parts that each fit a message): which part it is. The parts
 * make one step of undo.
 */
export const STEP_PART = "journeyboard.stepPart";
export type StepPart = "first" | "middle" | "last";

export type PersonalUndoManager = Y.UndoManager & {
  /** The records the running undo or redo would remove but keeps, because colleagues wrote in them. */
  readonly heldBack: Set<Y.Item>;
};

type Roots = ReadonlySet<unknown>;
const recordRoots = (doc: Y.Doc): Roots => new Set<unknown>(RECORD_ROOTS.map((root) => recordsOf(doc, root)));

/** The map item of the record an item belongs to (itself, a field or a character of a text field). */
function recordItemOf(item: Y.Item, roots: Roots): Y.Item | null {
  let current: Y.Item | null = item;
  while (current) {
    if (roots.has(current.parent)) return current;
    current = (current.parent as Y.AbstractType<unknown>)._item;
  }
  return null;
}

/** Whether anyone but this replica's own client wrote what a record holds now. */
function holdsOthersWork(record: Y.Item, clientID: number): boolean {
  const map = (record.content as Y.ContentType).type as Y.Map<unknown>;
  for (const field of map._map.values()) {
    if (field.deleted) continue;
    if (field.id.client !== clientID) return true;
    const value = (field.content as Partial<Y.ContentType>).type;
    if (value instanceof Y.Text) {
      for (let char = value._start; char; char = char.right)
        if (!char.deleted && char.id.client !== clientID) return true;
    }
  }
  return false;
}

/**
 * Undo history of one person: tracks only their own origin, so it never
 * reverts a colleague's edit. Typing is undone by word or pause, not by
 * keystroke; every other change is a step of its own. Undo can break the
 * board's rules (undoing "add stage" leaves its cards orphaned; see
 * repair.ts); `undo` and `redo` below repair inside the undo's own
 * transaction, so redo restores exactly what undo took.
 */
export function createUndoManager(doc: Y.Doc, origin: LocalUserOrigin): PersonalUndoManager {
  const heldBack = new Set<Y.Item>();
  const roots = recordRoots(doc);
  const typing = (transaction: Y.Transaction) => transaction.meta.get(TYPING) as "word" | "boundary" | undefined;
  const part = (transaction: Y.Transaction) => transaction.meta.get(STEP_PART) as StepPart | undefined;
  // Registered before the manager's own handler: a change that is not typing never joins the step before it
  // (but for the later parts of a change made in several).
  doc.on("afterTransaction", (transaction: Y.Transaction) => {
    const later = part(transaction) === "middle" || part(transaction) === "last";
    if (transaction.origin !== origin) return;
    if (!typing(transaction) && !later) manager.stopCapturing();
    // A later part joins its step however long the part before it took (the manager joins only within its pause).
    if (later) manager.lastChange = Date.now();
  });
  const manager = new Y.UndoManager(boardScope(doc), {
    trackedOrigins: new Set([origin]),
    captureTimeout: TYPING_PAUSE_MS,
    deleteFilter: (item) => {
      const record = recordItemOf(item, roots);
      return record === null || !heldBack.has(record);
    },
  });
  // Registered after it: nothing joins a step that ended a word or was not typing (but for a part with more to come).
  doc.on("afterTransaction", (transaction: Y.Transaction) => {
    const open = typing(transaction) === "word" || part(transaction) === "first" || part(transaction) === "middle";
    if (transaction.origin === origin && !open) manager.stopCapturing();
  });
  return Object.assign(manager, { heldBack });
}

type StackItem = Y.UndoManager["undoStack"][number];

/** The records that the next undo (or redo) would remove although colleagues have written in them. */
function recordsToHoldBack(doc: Y.Doc, item: StackItem | undefined): Y.Item[] {
  if (!item) return [];
  const roots = recordRoots(doc);
  const held: Y.Item[] = [];
  item.insertions.clients.forEach((ranges, client) => {
    const structs = doc.store.clients.get(client);
    if (!structs) return;
    for (const { clock, len } of ranges) {
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        const struct = structs[i]!;
        if (
          struct instanceof Y.Item &&
          !struct.deleted &&
          roots.has(struct.parent) &&
          holdsOthersWork(struct, doc.clientID)
        )
          held.push(struct);
      }
    }
  });
  return held;
}

/**
 * Runs undo or redo and the repair in one transaction; answers how many
 * records it left in place because colleagues wrote in them (a card this
 * person added and a colleague then wrote in stays, with both their words).
 * Y.UndoManager files a transaction under redo (or keeps the redo stack) by
 * looking at its `undoing` / `redoing` flags when the transaction ends;
 * `undo()` clears them before our enclosing transaction ends, so they are
 * held until it does.
 */
function withRepair(manager: PersonalUndoManager, direction: "undoing" | "redoing"): number {
  const { heldBack } = manager;
  const stack = direction === "undoing" ? manager.undoStack : manager.redoStack;
  const held = recordsToHoldBack(manager.doc, stack[stack.length - 1]);
  held.forEach((record) => heldBack.add(record));
  try {
    manager.doc.transact((transaction) => {
      if (direction === "undoing") manager.undo();
      else manager.redo();
      repairAfter(manager.doc, transaction.changed);
      manager[direction] = true;
    }, manager);
  } finally {
    manager[direction] = false;
    heldBack.clear();
  }
  return held.length;
}

export const undo = (manager: PersonalUndoManager): number => withRepair(manager, "undoing");
export const redo = (manager: PersonalUndoManager): number => withRepair(manager, "redoing");
