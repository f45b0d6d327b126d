import type {
  Document,
  Extension,
  Hocuspocus,
  beforeUnloadDocumentPayload,
  connectedPayload,
} from "@hocuspocus/server";
import { parseDocumentName } from "@journeyboard/shared";

/**
 * Keeps a board loaded for a while after its last connection leaves.
 * Loading a large board takes the thread that relays edits for the better
 * part of a second (Yjs applies a snapshot in one go), so a connection that
 * comes and goes must not make the server load it again and again; and
 * someone reloading their tab finds it there. An idle board gives way at
 * once when the server needs its place for another (`makeRoom`), and when
 * the server stops.
 */
export class KeepLoaded implements Extension {
  /** Boards with nobody on them, waiting out their time. */
  private readonly idle = new Map<string, { document: Document; timer: NodeJS.Timeout }>();
  /** Boards whose time is up, or whose place is needed: unloading them goes ahead. */
  private readonly released = new Set<string>();
  private stopped = false;

  constructor(private readonly keepMs: number) {}

  async connected({ documentName }: connectedPayload): Promise<void> {
    const idle = this.idle.get(documentName);
    if (!idle) return;
    clearTimeout(idle.timer);
    this.idle.delete(documentName);
  }

  async beforeUnloadDocument({ documentName, document, instance }: beforeUnloadDocumentPayload): Promise<void> {
    if (this.stopped || parseDocumentName(documentName).workshop) return;
    if (this.released.delete(documentName)) return;
    if (!this.idle.has(documentName)) {
      const timer = setTimeout(() => void this.release(instance, documentName), this.keepMs);
      timer.unref();
      this.idle.set(documentName, { document, timer });
    }
    // Hocuspocus keeps a document when this hook throws, and logs the error's message: there is none to log.
    throw new Error("");
  }

  /** Unloads the board idle the longest, if any; resolves once its place is free. */
  async makeRoom(instance: Hocuspocus): Promise<boolean> {
    const [oldest] = this.idle.keys();
    if (oldest === undefined) return false;
    await this.release(instance, oldest);
    return true;
  }

  /** Keeps nothing from here on: the server is stopping. */
  stop(): void {
    this.stopped = true;
    for (const { timer } of this.idle.values()) clearTimeout(timer);
  }

  private async release(instance: Hocuspocus, documentName: string) {
    const idle = this.idle.get(documentName);
    if (!idle) return;
    clearTimeout(idle.timer);
    this.idle.delete(documentName);
    this.released.add(documentName);
    await instance.unloadDocument(idle.document);
    // Not unloaded after all (someone connected meanwhile): its next unload is kept again.
    this.released.delete(documentName);
  }
}
