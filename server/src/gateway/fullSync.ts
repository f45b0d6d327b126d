import { MessageType, type Connection } from "@hocuspocus/server";
import * as encoding from "lib0/encoding";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import { SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from "./frames";

/**
 * A document's whole state as updates that, applied in order, build it:
 * for a board, the bytes it is stored in (its snapshot, then its log), as
 * they are, so a client that has nothing costs the server no encoding of
 * the board however large it is and however often it changes.
 */
export type WholeState = (documentName: string, document: Y.Doc) => Uint8Array[];

/** What is not stored (a workshop document, small) is encoded, once per version. */
const encodings = new WeakMap<Y.Doc, Uint8Array[]>();

function encodedWhole(document: Y.Doc): Uint8Array[] {
  let state = encodings.get(document);
  if (!state) {
    state = [Y.encodeStateAsUpdate(document)];
    encodings.set(document, state);
    document.once("update", () => encodings.delete(document));
  }
  return state;
}

/** What is stored, as the store's owner holds it, for what it holds; the rest is encoded. */
export const wholeStateFrom =
  (held: (document: Y.Doc) => Uint8Array[] | undefined): WholeState =>
  (_documentName, document) =>
    held(document) ?? encodedWhole(document);

const syncMessage = (address: string, kind: number, payload: Uint8Array) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, address);
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, kind);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
};

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/** Each piece framed once: a board's snapshot, megabytes, goes to every newcomer without being copied again. */
const framed = new WeakMap<Uint8Array, { address: string; frame: Uint8Array }>();

function updateFrame(address: string, piece: Uint8Array): Uint8Array {
  const known = framed.get(piece);
  if (known?.address === address) return known.frame;
  const frame = syncMessage(address, SYNC_UPDATE, piece);
  framed.set(piece, { address, frame });
  return frame;
}

/**
 * Answers a first sync step that asks for everything (an empty state
 * vector) as Hocuspocus would: the server's own first step (its state
 * vector), then the whole state, piece by piece as updates, and an empty
 * second step, which tells the client it is in sync.
 * `written` runs once the socket has taken every byte of it.
 */
export function answerFullSync(ws: WebSocket, connection: Connection, pieces: Uint8Array[], written: () => void) {
  const address = connection.messageAddress;
  const frames = [
    syncMessage(address, SYNC_STEP_1, Y.encodeStateVector(connection.document)),
    ...pieces.map((piece) => updateFrame(address, piece)),
    syncMessage(address, SYNC_STEP_2, EMPTY_UPDATE),
  ];
  let left = frames.length;
  const done = () => {
    if (--left === 0) written();
  };
  for (const frame of frames) ws.send(frame, done);
}

/** Bytes an answer of these pieces takes on the wire, near enough to count against a budget. */
export const answerBytes = (pieces: Uint8Array[]) => pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
