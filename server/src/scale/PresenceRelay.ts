import type { Document } from "@hocuspocus/server";
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import { readAwareness } from "../gateway/frames";

/** The origin of presence applied from another instance: Hocuspocus relays it to this instance's clients, this does not publish it again. */
const FROM_ELSEWHERE = { source: "presence-elsewhere" } as const;

/**
 * Presence (Yjs awareness) across instances. Each instance publishes what
 * changes of its own clients' presence (checked and stamped by their
 * sockets' gates), what changed in one turn as one message, and applies
 * the others', which `PresenceFanOut` then sends to its clients in their
 * batches; what came from elsewhere is never published again, so
 * nothing echoes. The clients of an instance that is lost (silent, see
 * `Instances`) lose their presence everywhere with it.
 */
export class PresenceRelay {
  /** Per board document, the awareness clients that are on other instances, and which. */
  private readonly elsewhere = new WeakMap<Document, Map<number, string>>();

  constructor(private readonly publish: (boardId: string, update: Uint8Array) => void) {}

  watch(document: Document): void {
    const elsewhere = new Map<number, string>();
    this.elsewhere.set(document, elsewhere);
    // A batch of presence is applied in one turn: what it changed goes out as one message, not one per person.
    const changed = new Set<number>();
    const publishChanged = () => {
      const own = [...changed].filter((clientId) => document.awareness.meta.has(clientId));
      changed.clear();
      if (own.length) this.publish(document.name, encodeAwarenessUpdate(document.awareness, own));
    };
    document.awareness.on(
      "update",
      ({ added, updated, removed }: Record<"added" | "updated" | "removed", number[]>, origin: unknown) => {
        if (origin === FROM_ELSEWHERE) return;
        const own = [...added, ...updated, ...removed].filter((clientId) => !elsewhere.has(clientId));
        // Another instance's client timed out here: telling the others is that instance's part, not this one's.
        for (const clientId of removed) elsewhere.delete(clientId);
        if (!own.length) return;
        if (!changed.size) setImmediate(publishChanged);
        for (const clientId of own) changed.add(clientId);
      },
    );
  }

  /** Presence another instance published; throws when the update does not decode. */
  applyFrom(instanceId: string, document: Document, update: Uint8Array): void {
    const elsewhere = this.elsewhere.get(document);
    if (!elsewhere) return;
    for (const entry of readAwareness(update)) {
      if (entry.state === null) elsewhere.delete(entry.clientId);
      else elsewhere.set(entry.clientId, instanceId);
    }
    applyAwarenessUpdate(document.awareness, update, FROM_ELSEWHERE);
  }

  /** Publishes the presence of every client of this instance on the board: another instance just loaded it. */
  tellAll(document: Document): void {
    const elsewhere = this.elsewhere.get(document);
    if (!elsewhere) return;
    const own = [...document.awareness.getStates().keys()].filter((clientId) => !elsewhere.has(clientId));
    if (own.length) this.publish(document.name, encodeAwarenessUpdate(document.awareness, own));
  }

  /** An instance is lost: its clients leave every board here. */
  dropInstance(instanceId: string, documents: Iterable<Document>): void {
    for (const document of documents) {
      const elsewhere = this.elsewhere.get(document);
      if (!elsewhere) continue;
      const gone = [...elsewhere].filter(([, on]) => on === instanceId).map(([clientId]) => clientId);
      for (const clientId of gone) elsewhere.delete(clientId);
      if (gone.length) removeAwarenessStates(document.awareness, gone, FROM_ELSEWHERE);
    }
  }
}
