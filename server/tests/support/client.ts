import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from "@hocuspocus/provider";
import { onTestFinished } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { eventually } from "./eventually";
import {
  COLLAB_PATH,
  SCHEMA_PARAM,
  SCHEMA_VERSION,
  localUserOrigin,
  moveOnWhenClosed,
  serverList,
} from "@journeyboard/shared";

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  origin: ReturnType<typeof localUserOrigin>;
  /** Reasons the server gave for refusing this client. */
  refusals: string[];
  /**
   * Drops the connection and stays offline, keeping local edits. Resolves once
   * the client has seen its own socket close: `goOnline` before that would find
   * it still connected and do nothing, and the client would never come back.
   */
  goOffline(): Promise<void>;
  goOnline(): void;
  disconnect(): void;
  /** Sends bytes as they are on the client's socket, past the provider. */
  sendRaw(frame: Uint8Array): void;
  /** How the server closed this client's socket, each time it did. */
  closes: { code: number; reason: string }[];
}

/**
 * A real Hocuspocus client over a real WebSocket (Node 20 has no global
 * WebSocket, hence the polyfill and the explicit attach). Destroyed when the
 * test ends.
 */
export interface ClientOptions {
  schema?: number;
  /** Receives each stateless message the server sends this client. */
  onStateless?: (payload: string) => void;
  /** Collects every frame this client's socket receives, as text (for searching what reached it). */
  frames?: string[];
  /** Receives each frame this client's socket receives, as its bytes, as it arrives. */
  onFrame?: (frame: Uint8Array) => void;
  /** More servers (instances) to move on to, in turn, each time the connection closes, as the app does. */
  moreServers?: string[];
}

export function connectClient(
  serverUrl: string,
  boardId: string,
  token: string,
  { schema = SCHEMA_VERSION, onStateless, frames, onFrame, moreServers = [] }: ClientOptions = {},
): TestClient {
  const urls = serverList([serverUrl, ...moreServers].join(",")).map(
    (server) => `${server}${COLLAB_PATH}?${SCHEMA_PARAM}=${schema}`,
  );
  const url = urls[0]!;
  class TestWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      // The provider asks for ArrayBuffers (binaryType), which have no text of their own: read their bytes.
      if (frames) this.on("message", (data: ArrayBuffer) => frames.push(Buffer.from(data).toString("latin1")));
      if (onFrame) this.on("message", (data: ArrayBuffer) => onFrame(new Uint8Array(data)));
      // ws reports a socket closed while still connecting as an error event, after the provider has let
      // go of it: a client the server closed reconnects, and tearing it down closes such a socket.
      this.on("error", (error: Error) => {
        const handledElsewhere = this.listenerCount("error") > 1;
        if (!handledElsewhere && !error.message.includes("closed before the connection was established")) throw error;
      });
    }
  }
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: TestWebSocket,
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
  });
  moveOnWhenClosed(socket, urls);
  const doc = new Y.Doc();
  const refusals: string[] = [];
  const closes: TestClient["closes"] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: boardId,
    token,
    document: doc,
    onAuthenticationFailed: ({ reason }) => refusals.push(reason),
    onStateless: ({ payload }) => onStateless?.(payload),
    onClose: ({ event }) => closes.push({ code: event.code, reason: String(event.reason) }),
  });
  provider.attach();
  let gone = false;
  const disconnect = () => {
    if (gone) return;
    gone = true;
    provider.destroy();
    socket.destroy();
  };
  onTestFinished(disconnect);
  return {
    doc,
    provider,
    origin: localUserOrigin(),
    refusals,
    goOffline: async () => {
      socket.disconnect();
      await eventually(() => {
        if (socket.status !== WebSocketStatus.Disconnected) throw new Error(`still ${socket.status}`);
      });
    },
    goOnline: () => void socket.connect(),
    disconnect,
    sendRaw: (frame) => socket.webSocket?.send(frame),
    closes,
  };
}

export async function connectSynced(
  serverUrl: string,
  boardId: string,
  token: string,
  options: ClientOptions = {},
): Promise<TestClient> {
  const client = connectClient(serverUrl, boardId, token, options);
  await eventually(() => {
    if (client.refusals.length) throw new Error(`refused: ${client.refusals.join(", ")}`);
    if (!client.provider.isSynced) throw new Error("not synced yet");
  });
  return client;
}

/** Resolves once the server has acknowledged every local change of this client. */
export async function acknowledged(client: TestClient): Promise<void> {
  await eventually(() => {
    if (client.provider.hasUnsyncedChanges) throw new Error("unacknowledged changes");
  });
}
