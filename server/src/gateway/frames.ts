import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { MessageType } from "@hocuspocus/server";

/** The y-protocols sync message kinds inside a Hocuspocus Sync message. */
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** The envelope every Hocuspocus frame starts with: the document it is for and its kind. */
export interface Envelope {
  /** As sent: the document name, possibly followed by `\0` and a session id. */
  address: string;
  documentName: string;
  type: MessageType;
  decoder: decoding.Decoder;
}

/** Reads a frame's envelope; throws on bytes that are not one. */
export function readEnvelope(data: Uint8Array): Envelope {
  const decoder = decoding.createDecoder(data);
  const address = decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder) as MessageType;
  const cut = address.indexOf("\0");
  return { address, documentName: cut === -1 ? address : address.slice(0, cut), type, decoder };
}

/** One awareness entry: a client's presence (null when it left). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

export function readAwareness(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) as unknown });
  }
  return entries;
}

export function writeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** The message types a client sends; the others are the server's own and are dropped. */
export const FROM_CLIENTS = new Set<MessageType>([
  MessageType.Sync,
  MessageType.Awareness,
  MessageType.QueryAwareness,
  MessageType.SyncReply,
  MessageType.Stateless,
  MessageType.CLOSE,
]);

/** An authentication message as providers send it: the token kind, the token, perhaps the provider's version. */
export function isTokenMessage({ decoder }: Envelope): boolean {
  try {
    if (decoding.readVarUint(decoder) !== AUTH_TOKEN) return false;
    decoding.readVarString(decoder);
    if (decoding.hasContent(decoder)) decoding.readVarString(decoder);
    return !decoding.hasContent(decoder);
  } catch {
    return false;
  }
}
const AUTH_TOKEN = 0;
