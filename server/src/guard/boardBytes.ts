import * as Y from "yjs";
import { UPDATE_REFUSALS } from "@journeyboard/shared";
import { UpdateRefused } from "./updateChanges";

/**
 * A board's size in bytes, known without encoding it on the thread that
 * relays edits: the bytes it is stored in (its snapshot and every update
 * logged since), which bound its encoded size from above, since Yjs merges
 * updates and never grows by more than them. BoardPersistence sets it when
 * the board loads and again when the log is folded into a snapshot (off the
 * event loop), and every applied update adds its bytes. A document no store
 * keeps is measured once, the first time an update is checked against it.
 */
const sizes = new WeakMap<Y.Doc, number>();

/** Sets a document's size; from then on every update applied to it counts. */
export function boardSizeIs(doc: Y.Doc, bytes: number): void {
  if (!sizes.has(doc)) doc.on("update", (update: Uint8Array) => sizes.set(doc, (sizes.get(doc) ?? 0) + update.length));
  sizes.set(doc, bytes);
}

/** Whether an update adds no content: it only deletes, which a full board must still take to make room. */
function onlyDeletes(update: Uint8Array): boolean {
  const { from, to } = Y.parseUpdateMeta(update);
  return [...to].every(([client, clock]) => from.get(client) === clock);
}

/** Refuses an update (board-full) that would take the board past `limit` bytes. */
export function countBytes(doc: Y.Doc, update: Uint8Array, limit: number): void {
  if (!sizes.has(doc)) boardSizeIs(doc, Y.encodeStateAsUpdate(doc).byteLength);
  if (sizes.get(doc)! + update.byteLength > limit && !onlyDeletes(update)) {
    throw new UpdateRefused(UPDATE_REFUSALS.boardFull, `the board would pass ${limit} bytes`);
  }
}
