import { MessageType, type Connection } from "@hocuspocus/server";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { SYNC_STEP_1, SYNC_STEP_2 } from "./frames";

/**
 * The whole state of each document as one update, encoded once per version
 * (dropped at its next change): a client with nothing asks for all of it,
 * and a room joining at once, or one client asking again and again, shares
 * one encoding instead of making the server walk the board for each.
 */
const cache = new WeakMap<Y.Doc, Uint8Array>();

function fullState(doc: Y.Doc): Uint8Array {
  let state = cache.get(doc);
  if (!state) {
    state = Y.encodeStateAsUpdate(doc);
    cache.set(doc, state);
    doc.once("update", () => cache.delete(doc));
  }
  return state;
}

const syncMessage = (address: string, kind: number, payload: Uint8Array) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, address);
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, kind);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
};

/**
 * Answers a first sync step that asks for everything (an empty state
 * vector) as Hocuspocus would, from the shared encoding: the server's own
 * first step (its state vector), then the whole state as the second.
 */
export function answerFullSync(connection: Connection): void {
  const doc = connection.document;
  connection.send(syncMessage(connection.messageAddress, SYNC_STEP_1, Y.encodeStateVector(doc)));
  connection.send(syncMessage(connection.messageAddress, SYNC_STEP_2, fullState(doc)));
}
