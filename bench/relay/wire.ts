import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * The frames a benchmark client sends and reads, by hand, for each server
 * of the relay benchmarks: the Hocuspocus protocol (ours and B-hp: every
 * frame starts with the document's name and a message type), y-websocket's
 * (B-yws: a message type, then y-protocols' sync message) and B-raw's, which
 * relays y-websocket frames as they are. A client answers what the protocol
 * asks of it (an empty second sync step, a pong) and hands the updates it
 * receives on as bytes, so a receiver counts them without building a
 * document.
 */
export type ServerKind = "ours" | "B-hp" | "B-yws" | "B-raw";

export type Incoming =
  | { kind: "update"; update: Uint8Array }
  /** The server's answer to the client's first sync step: the client holds the board. */
  | { kind: "synced" }
  | { kind: "answer"; frame: Uint8Array }
  | { kind: "refused"; reason: string }
  | { kind: "other" };

export interface Wire {
  /** The WebSocket path of a board. */
  path(board: string): string;
  /** What the client sends once its socket is open: authentication and its first sync step, asking for everything. */
  opening(board: string, token: string): Uint8Array[];
  /** True when the server holds no board to sync: the client is ready as soon as it is connected. */
  readyOnOpen: boolean;
  read(board: string, frame: Uint8Array): Incoming;
  update(board: string, update: Uint8Array): Uint8Array;
  /** An awareness message: one client's presence state, at its clock. */
  presence(board: string, clientId: number, clock: number, state: object): Uint8Array;
  /** A stateless message (ours' workshop commands, e.g. a vote), where the protocol has them. */
  stateless?(board: string, payload: string): Uint8Array;
}

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const SYNC_REPLY = 4;
const STATELESS = 5;
const PING = 9;
const PONG = 10;
const STEP_1 = 0;
const STEP_2 = 1;
const UPDATE = 2;
const AUTH_TOKEN = 0;
const AUTH_DENIED = 1;
const EMPTY_STATE_VECTOR = new Uint8Array([0]);
const EMPTY_UPDATE = new Uint8Array([0, 0]);

const frame = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/** y-protocols' sync message after the bytes `head` writes. */
const syncFrame = (head: (encoder: encoding.Encoder) => void, step: number, payload: Uint8Array) =>
  frame((encoder) => {
    head(encoder);
    encoding.writeVarUint(encoder, step);
    encoding.writeVarUint8Array(encoder, payload);
  });

function readSync(decoder: decoding.Decoder, answer: (payload: Uint8Array) => Uint8Array): Incoming {
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (step === STEP_1) return { kind: "answer", frame: answer(EMPTY_UPDATE) };
  if (step === STEP_2) return { kind: "synced" };
  return step === UPDATE ? { kind: "update", update: payload } : { kind: "other" };
}

const hocuspocus: Wire = {
  path: () => "/collab",
  opening: (board, token) => [
    frame((encoder) => {
      encoding.writeVarString(encoder, board);
      encoding.writeVarUint(encoder, AUTH);
      encoding.writeVarUint(encoder, AUTH_TOKEN);
      encoding.writeVarString(encoder, token);
    }),
    syncFrame((encoder) => hocuspocusHead(encoder, board, SYNC), STEP_1, EMPTY_STATE_VECTOR),
  ],
  readyOnOpen: false,
  read(board, data) {
    // Our server's heartbeat is a bare Ping byte; the Pong tells it the client is there.
    if (data.byteLength === 1 && data[0] === PING) return { kind: "answer", frame: new Uint8Array([PONG]) };
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === AUTH && decoding.readVarUint(decoder) === AUTH_DENIED) {
      return { kind: "refused", reason: decoding.readVarString(decoder) };
    }
    if (type !== SYNC && type !== SYNC_REPLY) return { kind: "other" };
    return readSync(decoder, (payload) =>
      syncFrame((encoder) => hocuspocusHead(encoder, board, SYNC_REPLY), STEP_2, payload),
    );
  },
  update: (board, update) => syncFrame((encoder) => hocuspocusHead(encoder, board, SYNC), UPDATE, update),
  presence: (board, clientId, clock, state) =>
    awarenessFrame((encoder) => hocuspocusHead(encoder, board, AWARENESS), clientId, clock, state),
  stateless: (board, payload) =>
    frame((encoder) => {
      hocuspocusHead(encoder, board, STATELESS);
      encoding.writeVarString(encoder, payload);
    }),
};

/** y-protocols' awareness update of one client's state, after the bytes `head` writes. */
const awarenessFrame = (
  head: (encoder: encoding.Encoder) => void,
  clientId: number,
  clock: number,
  state: object,
): Uint8Array => {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  return frame((encoder) => {
    head(encoder);
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  });
};

function hocuspocusHead(encoder: encoding.Encoder, board: string, type: number) {
  encoding.writeVarString(encoder, board);
  encoding.writeVarUint(encoder, type);
}

const yWebsocketHead = (encoder: encoding.Encoder) => encoding.writeVarUint(encoder, SYNC);

const yWebsocket: Wire = {
  path: (board) => `/${board}`,
  opening: () => [syncFrame(yWebsocketHead, STEP_1, EMPTY_STATE_VECTOR)],
  readyOnOpen: false,
  read(_board, data) {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type !== SYNC) return { kind: "other" };
    return readSync(decoder, (payload) => syncFrame(yWebsocketHead, STEP_2, payload));
  },
  update: (_board, update) => syncFrame(yWebsocketHead, UPDATE, update),
  presence: (_board, clientId, clock, state) =>
    awarenessFrame((encoder) => encoding.writeVarUint(encoder, AWARENESS), clientId, clock, state),
};

/** B-raw relays y-websocket frames between the sockets of a room, and sends nothing of its own. */
const raw: Wire = { ...yWebsocket, opening: () => [], readyOnOpen: true };

export const WIRES: Record<ServerKind, Wire> = {
  ours: hocuspocus,
  "B-hp": hocuspocus,
  "B-yws": yWebsocket,
  "B-raw": raw,
};
