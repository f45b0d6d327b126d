import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import {
  COLLAB_PATH,
  HEARTBEAT,
  SCHEMA_PARAM,
  SCHEMA_VERSION,
  metaMap,
  moveOnWhenClosed,
  serverList,
  workshopDocumentName,
} from "@journeyboard/shared";
import { Liveness } from "./liveness";
import { UnsentChanges } from "./unsent";

/**
 * The live link to one board over one WebSocket: its document, synced
 * through the server and kept in this browser (IndexedDB) so that edits
 * made offline survive closing the tab, and its workshop document (phase,
 * voting rounds and their results), which the server alone writes.
 *
 * A connection the server's heartbeat has not been heard on for a moment
 * is lost (`Liveness`); while the browser knows it has no network at all
 * (`navigator.onLine`), it does not try to connect.
 *
 * It connects to the server the page came from, or, when the client was
 * built with VITE_COLLAB_SERVERS (several instances and no load balancer),
 * to the first of those and on to the next each time a connection closes
 * (`moveOnWhenClosed`).
 */
export interface BoardConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  workshop: { doc: Y.Doc; provider: HocuspocusProvider };
  /** Whether the server has been heard lately on the socket. */
  liveness: Liveness;
  /** What this browser changed that the server has not confirmed. */
  unsent: UnsentChanges;
  /** Resolves once this browser's copy is loaded: true when it held the board. */
  local: Promise<boolean>;
  /** Stops syncing and deletes this browser's copy (the server refused what it holds). */
  forgetLocalCopy(): Promise<void>;
  destroy(): void;
}

/** Reconnect soon after the server comes back: within two seconds, whatever the outage. */
const RECONNECT = { delay: 250, minDelay: 250, maxDelay: 2000 };

/** Where the collaboration socket connects: each server built in, else the one the page came from. */
function collabUrls(): string[] {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const servers = serverList(import.meta.env.VITE_COLLAB_SERVERS as string | undefined);
  return (servers.length ? servers : [`${scheme}://${window.location.host}`]).map(
    (server) => `${server}${COLLAB_PATH}?${SCHEMA_PARAM}=${SCHEMA_VERSION}`,
  );
}

export function connectBoard(boardId: string, token: string): BoardConnection {
  const urls = collabUrls();
  const socket = new HocuspocusProviderWebsocket({
    url: urls[0]!,
    ...RECONNECT,
    messageReconnectTimeout: HEARTBEAT.closeAfterMs,
    autoConnect: navigator.onLine,
  });
  moveOnWhenClosed(socket, urls);
  const liveness = new Liveness(socket);
  const offline = () => socket.disconnect();
  const online = () => void socket.connect();
  window.addEventListener("offline", offline);
  window.addEventListener("online", online);
  const doc = new Y.Doc();
  const stored = new IndexeddbPersistence(`journeyboard.board.${boardId}`, doc);
  const unsent = new UnsentChanges(doc, localStorage, `journeyboard.unsent.${boardId}`);
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: boardId, token, document: doc });
  const workshopDoc = new Y.Doc();
  const workshopProvider = new HocuspocusProvider({
    websocketProvider: socket,
    name: workshopDocumentName(boardId),
    token,
    document: workshopDoc,
  });
  provider.attach();
  workshopProvider.attach();
  return {
    doc,
    provider,
    workshop: { doc: workshopDoc, provider: workshopProvider },
    liveness,
    unsent,
    local: stored.whenSynced.then(() => metaMap(doc).has("schemaVersion")),
    async forgetLocalCopy() {
      provider.destroy();
      unsent.clear();
      await stored.clearData();
    },
    destroy() {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      unsent.destroy();
      liveness.destroy();
      void stored.destroy();
      provider.destroy();
      workshopProvider.destroy();
      socket.destroy();
      doc.destroy();
      workshopDoc.destroy();
    },
  };
}
