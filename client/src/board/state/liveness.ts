import type { HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { HEARTBEAT } from "@journeyboard/shared";

/** How often silence is looked for. */
const CHECK_MS = 100;

/**
 * Whether the server has been heard on this socket lately. The server's
 * heartbeat (`HEARTBEAT`) reaches every socket several times a second, so a
 * connected socket that has heard nothing for `HEARTBEAT.silenceMs` is
 * taken for lost: the badge says offline at once. The socket itself is
 * left to the provider, which closes it and reconnects once the silence
 * lasts `HEARTBEAT.closeAfterMs`; a server that was only busy for a moment
 * goes on without reconnecting anyone.
 */
export class Liveness {
  private lastHeard = Date.now();
  private silent = false;
  private readonly listeners = new Set<() => void>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly socket: HocuspocusProviderWebsocket) {
    socket.on("message", this.heard);
    socket.on("connect", this.heard);
    this.timer = setInterval(this.check, CHECK_MS);
  }

  /** The socket is connected but the server has not been heard for too long. */
  get lost(): boolean {
    return this.silent;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    clearInterval(this.timer);
    this.socket.off("message", this.heard);
    this.socket.off("connect", this.heard);
    this.listeners.clear();
  }

  private readonly heard = () => {
    this.lastHeard = Date.now();
    this.set(false);
  };

  private readonly check = () => {
    const connected = this.socket.status === "connected";
    this.set(connected && Date.now() - this.lastHeard > HEARTBEAT.silenceMs);
  };

  private set(silent: boolean) {
    if (silent === this.silent) return;
    this.silent = silent;
    this.listeners.forEach((listener) => listener());
  }
}
