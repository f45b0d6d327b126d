import { HocuspocusProvider } from "@hocuspocus/provider";
import * as Y from "yjs";
import { COLLAB_PATH, SCHEMA_PARAM, SCHEMA_VERSION } from "@journeyboard/shared";

/** The live link to one board: its document, synced through the server. */
export interface BoardConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  destroy(): void;
}

export function connectBoard(boardId: string, token: string): BoardConnection {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: `${scheme}://${window.location.host}${COLLAB_PATH}?${SCHEMA_PARAM}=${SCHEMA_VERSION}`,
    name: boardId,
    token,
    document: doc,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
