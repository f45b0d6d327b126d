import type { Extension, afterLoadDocumentPayload, connectedPayload } from "@hocuspocus/server";
import type { PresenceFanOut } from "../gateway/PresenceFanOut";
import type { SocketGate } from "../gateway/SocketGate";

/** What server.ts puts in every connection's context: the gate its frames pass through. */
export interface GateContext {
  gate?: SocketGate;
}

/**
 * Tells a socket's gate when Hocuspocus has established a document on it,
 * so the frames held for it go on, and has every document's presence sent
 * by the fan-out (each connection its own batch), a newcomer's first too.
 */
export class Gate implements Extension {
  constructor(private readonly presence: PresenceFanOut) {}

  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    this.presence.take(document);
  }

  async connected({ context, documentName, connection }: connectedPayload): Promise<void> {
    (context as GateContext).gate?.opened(documentName, connection);
    this.presence.welcome(connection);
  }
}
