import type { HocuspocusProvider } from "@hocuspocus/provider";
import { parseServerMessage, type ServerMessage } from "@journeyboard/shared";

type Listener<T extends ServerMessage["type"]> = (message: Extract<ServerMessage, { type: T }>) => void;

/**
 * The one reader of what the server says on a board's connection
 * (stateless messages): each payload is parsed once and handed to those
 * who listen for its type (voting, refused commands, resync).
 */
export class ServerMessages {
  private readonly listeners = new Map<string, Set<(message: ServerMessage) => void>>();

  constructor(private readonly provider: HocuspocusProvider) {
    provider.on("stateless", this.receive);
  }

  on<T extends ServerMessage["type"]>(type: T, listener: Listener<T>): () => void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener as (message: ServerMessage) => void);
    this.listeners.set(type, set);
    return () => set.delete(listener as (message: ServerMessage) => void);
  }

  private receive = ({ payload }: { payload: string }) => {
    const message = parseServerMessage(payload);
    if (message) this.listeners.get(message.type)?.forEach((listener) => listener(message));
  };

  destroy(): void {
    this.provider.off("stateless", this.receive);
    this.listeners.clear();
  }
}
