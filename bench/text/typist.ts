import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { COLLAB_PATH } from "@journeyboard/shared";

/**
 * A person at a keyboard over a real connection: each local change is one
 * update, and the server acknowledges updates in order (ours only once the
 * update is in its log on disk), so each acknowledgement closes the oldest
 * change still waiting: `latencies` are edit → acknowledged, per change.
 */
export class Typist {
  readonly doc = new Y.Doc();
  readonly latencies: number[] = [];
  private readonly waiting: number[] = [];
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private unsynced = 0;

  constructor(url: string, boardId: string, token: string) {
    this.socket = new HocuspocusProviderWebsocket({
      url: `${url.replace(/^http/, "ws")}${COLLAB_PATH}`,
      WebSocketPolyfill: WebSocket,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: boardId,
      token,
      document: this.doc,
    });
    this.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
      for (; this.unsynced > number; this.unsynced--) {
        const sent = this.waiting.shift();
        if (sent !== undefined) this.latencies.push(performance.now() - sent);
      }
      this.unsynced = number;
    });
    this.provider.attach();
  }

  /** Makes a change (one transaction, so one update) and starts its clock. */
  edit(change: (doc: Y.Doc) => void): void {
    this.waiting.push(performance.now());
    change(this.doc);
  }

  /** Resolves once `ready` holds and the server has acknowledged every change of this typist. */
  settled(ready: (doc: Y.Doc) => boolean = () => true): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!this.provider.isSynced || this.provider.hasUnsyncedChanges || !ready(this.doc)) return;
        this.provider.off("synced", check);
        this.provider.off("unsyncedChanges", check);
        this.doc.off("update", check);
        resolve();
      };
      this.provider.on("synced", check);
      this.provider.on("unsyncedChanges", check);
      this.doc.on("update", check);
      check();
    });
  }

  destroy(): void {
    this.provider.destroy();
    this.socket.destroy();
    this.doc.destroy();
  }
}
