import * as Y from "yjs";
import { UPDATE_REFUSALS } from "@journeyboard/shared";
import { UpdateRefused } from "./updateChanges";

/**
 * A board's encoded size, known without encoding it at each update: the
 * size measured once, plus the bytes of every update accepted since (an
 * upper bound: Yjs merges updates and never grows by more than them). Only
 * when that bound passes the limit is the board measured again, so the
 * cost is one encoding per load and per limit's worth of accepted bytes.
 * Kept per document object, so a board loaded again is measured again.
 */
interface Size {
  bytes: number;
  /** Whether updates were counted since the last measure (measuring again could only help then). */
  estimated: boolean;
}
const sizes = new WeakMap<Y.Doc, Size>();

const measure = (doc: Y.Doc): Size => ({ bytes: Y.encodeStateAsUpdate(doc).byteLength, estimated: false });

/** Counts an update about to be applied; refuses it (board-full) when the board would pass `limit` bytes. */
export function countBytes(doc: Y.Doc, update: Uint8Array, limit: number): void {
  let size = sizes.get(doc) ?? measure(doc);
  if (size.bytes + update.byteLength > limit && size.estimated) size = measure(doc);
  sizes.set(doc, size);
  if (size.bytes + update.byteLength > limit) {
    throw new UpdateRefused(UPDATE_REFUSALS.boardFull, `the board would pass ${limit} bytes`);
  }
  sizes.set(doc, { bytes: size.bytes + update.byteLength, estimated: true });
}
