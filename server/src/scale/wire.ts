import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WorkshopNotice } from "../workshop/WorkshopNotice";

/**
 * What instances say to each other through Redis, one message per change,
 * each published once on the board's channel and tagged with the instance
 * that sent it. There is no request and reply about documents (no state
 * vectors): an instance that may have missed something reads the board
 * from the store, where every update is before anyone hears of it.
 *
 * A message is a kind (varuint), the sender's instance id (varstring),
 * then by kind:
 * - `update`: a board update this instance stored, with the sequence
 *   number the store gave it (varuint) and the update (varuint8array);
 * - `presence`: an awareness update of this instance's own clients;
 * - `presence-query`: "tell me who is here" (sent when a board loads);
 * - `catch-up`: "read the board from the store": the sender's publishes may
 *   have been lost while its Redis connection was down;
 * - `workshop`: what changed in the workshop (JSON `WorkshopNotice`): the
 *   parts to read again from the store, a round whose progress changed, a
 *   role whose link was revoked, an invited person whose personal link was
 *   revoked or issued again.
 * On the instances' own channel: `alive` every second, `gone` at a stop.
 */
const KINDS = ["update", "presence", "presence-query", "catch-up", "workshop", "alive", "gone"] as const;

export type InstanceMessage =
  | { kind: "update"; from: string; seq: number; update: Uint8Array }
  | { kind: "presence"; from: string; update: Uint8Array }
  | { kind: "workshop"; from: string; notice: WorkshopNotice }
  | { kind: "presence-query" | "catch-up" | "alive" | "gone"; from: string };

/** A message as its sender writes it: `from` is added when it is published. */
export type UnsignedMessage = InstanceMessage extends infer M ? (M extends unknown ? Omit<M, "from"> : never) : never;

export function encodeMessage(message: InstanceMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  encoding.writeVarString(encoder, message.from);
  if (message.kind === "update") {
    encoding.writeVarUint(encoder, message.seq);
    encoding.writeVarUint8Array(encoder, message.update);
  } else if (message.kind === "presence") encoding.writeVarUint8Array(encoder, message.update);
  else if (message.kind === "workshop") encoding.writeVarString(encoder, JSON.stringify(message.notice));
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** The message in these bytes; throws when they are not one (another program publishing under our prefix). */
export function decodeMessage(bytes: Uint8Array): InstanceMessage {
  const decoder = decoding.createDecoder(bytes);
  const kind = KINDS[decoding.readVarUint(decoder)];
  const from = decoding.readVarString(decoder);
  switch (kind) {
    case "update": {
      const seq = decoding.readVarUint(decoder);
      return { kind, from, seq, update: decoding.readVarUint8Array(decoder) };
    }
    case "presence":
      return { kind, from, update: decoding.readVarUint8Array(decoder) };
    case "workshop":
      return { kind, from, notice: WorkshopNotice.parse(JSON.parse(decoding.readVarString(decoder))) };
    case "presence-query":
    case "catch-up":
    case "alive":
    case "gone":
      return { kind, from };
    case undefined:
      break;
  }
  throw new Error("unknown kind of message");
}
