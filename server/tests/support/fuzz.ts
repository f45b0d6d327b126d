import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { MessageType } from "@hocuspocus/server";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { COLLAB_PATH, editText, localUserOrigin } from "@journeyboard/shared";
import { putCard } from "./cards";
import { randomInts } from "./crash";

/**
 * Frames a real client sends while it works on a board: authentication,
 * sync steps, updates, presence, commands. Mutated, they are the fuzzer's
 * seed corpus.
 */
export async function recordFrames(url: string, boardId: string, token: string): Promise<Uint8Array[]> {
  const frames: Uint8Array[] = [];
  class Recording extends WebSocket {
    override send(data: Uint8Array | ArrayBuffer, ...rest: unknown[]) {
      frames.push(new Uint8Array(data instanceof ArrayBuffer ? data : data.slice()));
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }
  const socket = new HocuspocusProviderWebsocket({
    url: `${url.replace(/^http/, "ws")}${COLLAB_PATH}`,
    WebSocketPolyfill: Recording,
  });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: boardId, token, document: doc });
  provider.attach();
  await new Promise<void>((resolve) => provider.on("synced", () => resolve()));
  for (let i = 0; i < 5; i++) {
    putCard(doc, { id: `seed-${i}`, text: `seed ${i}` });
    provider.setAwarenessField("cursor", { x: i, y: i });
  }
  // Typing: the updates of a text field, one keystroke (or a deletion) each, in Persian with a ZWNJ.
  [..."می‌خواهم"].forEach((char, i) =>
    editText(
      doc,
      { root: "cards", id: "seed-0", field: "text", splice: { index: i, remove: i % 3 === 2 ? 1 : 0, insert: char } },
      localUserOrigin(),
    ),
  );
  provider.setAwarenessField("user", { name: "Seed", department: "sales", colour: "#336699" });
  provider.sendStateless(
    JSON.stringify({ type: "vote.hello", voterKey: "seed-voter-key-0001", name: "Seed", department: "sales" }),
  );
  provider.sendStateless(JSON.stringify({ type: "phase.set", phase: "discuss" }));
  await new Promise<void>((resolve) => {
    const check = () => !provider.hasUnsyncedChanges && resolve();
    provider.on("unsyncedChanges", check);
    check();
  });
  provider.destroy();
  socket.destroy();
  return frames;
}

/** Every Hocuspocus message type with a random body, so kinds the corpus lacks are fuzzed too. */
function syntheticFrame(documentName: string, random: (min: number, max: number) => number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, random(0, 12));
  const length = random(0, 64);
  for (let i = 0; i < length; i++) encoding.writeUint8(encoder, random(0, 255));
  return encoding.toUint8Array(encoder);
}

/** One mutation of a corpus frame: flipped bits, cut, grown, spliced, renamed to another board, or random bytes. */
function mutate(frames: Uint8Array[], otherBoard: string, random: (min: number, max: number) => number): Uint8Array {
  const pick = () => frames[random(0, frames.length - 1)]!;
  const frame = pick().slice();
  switch (random(0, 7)) {
    case 0: {
      for (let i = random(1, 8); i > 0 && frame.length; i--) frame[random(0, frame.length - 1)]! ^= 1 << random(0, 7);
      return frame;
    }
    case 1:
      return frame.slice(0, random(0, frame.length));
    case 2: {
      const extra = Uint8Array.from({ length: random(1, 32) }, () => random(0, 255));
      const at = random(0, frame.length);
      return new Uint8Array([...frame.slice(0, at), ...extra, ...frame.slice(at)]);
    }
    case 3: {
      const other = pick();
      return new Uint8Array([...frame.slice(0, random(0, frame.length)), ...other.slice(random(0, other.length))]);
    }
    case 4:
      return syntheticFrame(otherBoard, random);
    case 5:
      return Uint8Array.from({ length: random(0, 200) }, () => random(0, 255));
    case 6: {
      const at = random(0, frame.length - 1);
      frame[at] = [0, 0x7f, 0x80, 0xff][random(0, 3)]!;
      return frame;
    }
    default:
      return frame;
  }
}

export interface FuzzOptions {
  url: string;
  seed: number;
  frames: number;
  corpus: Uint8Array[];
  /** The board the corpus was recorded on, and its viewer's authentication frame. */
  boardId: string;
  viewerAuth: Uint8Array;
  /** A board no fuzzed frame may change. */
  otherBoardId: string;
  /** Frames per connection, at most, before a new one is opened (the server closes one that sends garbage). */
  framesPerConnection?: number;
}

/**
 * Sends `frames` mutated frames over many connections: some authenticated
 * as a participant (the corpus's own authentication), some as a viewer,
 * some never authenticated, each frame of every kind and shape.
 */
export async function fuzz(options: FuzzOptions): Promise<{ sent: number; connections: number }> {
  const random = randomInts(options.seed);
  const perConnection = options.framesPerConnection ?? 40;
  let sent = 0;
  let connections = 0;
  while (sent < options.frames) {
    connections++;
    const socket = new WebSocket(`${options.url.replace(/^http/, "ws")}${COLLAB_PATH}`);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    const opening = random(0, 2);
    const authenticated = opening < 2;
    if (authenticated) {
      socket.send(opening === 0 ? options.corpus[0]! : options.viewerAuth);
      await nextMessage(socket);
    }
    const count = Math.min(random(1, perConnection), options.frames - sent);
    for (let i = 0; i < count && socket.readyState === WebSocket.OPEN; i++) {
      const frame = mutate(options.corpus, options.otherBoardId, random);
      await new Promise<void>((resolve) => socket.send(frame, () => resolve()));
      sent++;
    }
    // A sync request goes last: its answer comes once the server has handled every frame before it.
    if (authenticated && socket.readyState === WebSocket.OPEN) {
      socket.send(options.corpus[1]!);
      await nextMessage(socket);
    }
    socket.terminate();
  }
  return { sent, connections };
}

/** The next message the server sends on this socket (not counting its heartbeat), or its closing. */
const nextMessage = (socket: WebSocket) =>
  new Promise<void>((resolve) => {
    const done = (data?: Buffer) => {
      if (data?.length === 1 && data[0] === MessageType.Ping) return;
      socket.off("message", done);
      socket.off("close", done);
      resolve();
    };
    socket.on("message", done);
    socket.on("close", done);
  });

/** The authentication frame of a token for a board, as a provider sends it. */
export function authFrame(boardId: string, token: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, boardId);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}
