import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";
import { COLLAB_PATH, SCHEMA_PARAM, SCHEMA_VERSION, workshopDocumentName } from "@journeyboard/shared";

/**
 * The live link to one board over one WebSocket: its document, synced
 * through the server, and its workshop document (voting rounds and their
 * results), which the server alone writes.
 */
export interface BoardConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  workshop: { doc: Y.Doc; provider: HocuspocusProvider };
  destroy(): void;
}

export function connectBoard(boardId: string, token: string): BoardConnection {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const socket = new HocuspocusProviderWebsocket({
    url: `${scheme}://${window.location.host}${COLLAB_PATH}?${SCHEMA_PARAM}=${SCHEMA_VERSION}`,
  });
  const doc = new Y.Doc();
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
    destroy() {
      provider.destroy();
      workshopProvider.destroy();
      socket.destroy();
      doc.destroy();
      workshopDoc.destroy();
    },
  };
}
