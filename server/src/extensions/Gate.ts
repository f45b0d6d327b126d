import type { Extension, connectedPayload } from "@hocuspocus/server";
import type { SocketGate } from "../gateway/SocketGate";

/** What server.ts puts in every connection's context: the gate its frames pass through. */
export interface GateContext {
  gate?: SocketGate;
}

/** Tells a socket's gate when Hocuspocus has established a document on it, so the frames held for it go on. */
export class Gate implements Extension {
  async connected({ context, documentName, connection }: connectedPayload): Promise<void> {
    (context as GateContext).gate?.opened(documentName, connection);
  }
}
