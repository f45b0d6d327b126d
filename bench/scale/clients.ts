import type * as Y from "yjs";
import { Writer } from "../../server/tests/support/crash";

/** How a kind of server's documents take the benchmark's edit, and how a client finds it there. */
export interface EditKind {
  edit(doc: Y.Doc, id: string): void;
  has(doc: Y.Doc, id: string): boolean;
}

/**
 * One client of a board on one instance (the crash tests' `Writer`): it
 * makes edits, or notes when each edit it waits for arrives
 * (performance.now(), comparable across the clients of this process).
 */
export class BenchClient {
  private readonly client: Writer;
  private readonly waiting = new Map<string, (at: number) => void>();

  constructor(
    url: string,
    boardId: string,
    token: string,
    private readonly kind: EditKind,
  ) {
    this.client = new Writer(url, boardId, token, "bench");
    this.client.doc.on("update", () => {
      const at = performance.now();
      for (const [id, arrived] of this.waiting) {
        if (!kind.has(this.client.doc, id)) continue;
        this.waiting.delete(id);
        arrived(at);
      }
    });
  }

  whenSynced(): Promise<void> {
    return this.client.whenSynced();
  }

  /** Resolves with the moment the edit `id` is in this client's document. */
  arrival(id: string): Promise<number> {
    if (this.kind.has(this.client.doc, id)) return Promise.resolve(performance.now());
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  edit(id: string): void {
    this.kind.edit(this.client.doc, id);
  }

  destroy(): void {
    this.client.destroy();
  }
}
