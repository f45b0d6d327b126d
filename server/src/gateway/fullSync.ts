import { MessageType, type Connection } from "@hocuspocus/server";
import * as encoding from "lib0/encoding";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import { parseDocumentName } from "@journeyboard/shared";
import type { BoardStore } from "../storage/BoardStore";
import { SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from "./frames";

/**
 * A document's whole state as updates that, applied in order, build it:
 * for a board, the bytes it is stored in (its snapshot, then its log), read
 * as they are, so a client that has nothing costs the server no encoding
 * of the board however large it is and however often it changes.
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

/** Boards as the store holds them (every update applied to a board is in its log before anyone hears of it). */
export const wholeStateFrom =
  (store: BoardStore): WholeState =>
  (documentName, document) => {
    const stored = parseDocumentName(documentName).workshop ? null : store.loadBoard(documentName);
    if (!stored) return encodedWhole(document);
    return stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
  };

const syncMessage = (address: string, kind: number, payload: Uint8Array) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, address);
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, kind);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
};

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * Answers a first sync step that asks for everything (an empty state
 * vector) as Hocuspocus would: the server's own first step (its state
 * vector), then the whole state, every piece but the last as an update and
 * the last as the second step, which tells the client it is in sync.
 * `written` runs once the socket has taken every byte of it.
 */
export function answerFullSync(ws: WebSocket, connection: Connection, pieces: Uint8Array[], written: () => void) {
  const address = connection.messageAddress;
  const frames = [
    syncMessage(address, SYNC_STEP_1, Y.encodeStateVector(connection.document)),
    ...pieces.slice(0, -1).map((piece) => syncMessage(address, SYNC_UPDATE, piece)),
    syncMessage(address, SYNC_STEP_2, pieces.at(-1) ?? EMPTY_UPDATE),
  ];
  let left = frames.length;
  const done = () => {
    if (--left === 0) written();
  };
  for (const frame of frames) ws.send(frame, done);
}

/** Bytes an answer of these pieces takes on the wire, near enough to count against a budget. */
export const answerBytes = (pieces: Uint8Array[]) => pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
