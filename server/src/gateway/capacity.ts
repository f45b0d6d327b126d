import { CLOSE_REASONS } from "@journeyboard/shared";

/** What the whole server holds at most, whoever sends it; past it, newcomers are refused and the others go on. */
export interface CapacityLimits {
  /** Open WebSockets... */
  sockets: number;
  /** ...and from one address (a room behind one router shares one). */
  socketsPerAddress: number;
  /** Bytes held, over all sockets, for documents still authenticating. */
  pendingBytes: number;
  /** Bytes of whole-state answers sent to sockets and not yet taken by them (a client that does not read keeps them). */
  unsentBytes: number;
  /** How long a document's frames may wait for its authentication. */
  authenticationMs: number;
  /** Boards loaded at once; a connection to a board not loaded past it is refused with `server-full`. */
  boards: number;
  /** How long a board stays loaded after its last connection leaves, unless its place is needed. */
  idleBoardMs: number;
}

export const DEFAULT_CAPACITY: CapacityLimits = {
  sockets: 4_000,
  socketsPerAddress: 500,
  pendingBytes: 64 * 1024 * 1024,
  unsentBytes: 1024 * 1024 * 1024,
  authenticationMs: 10_000,
  boards: 200,
  idleBoardMs: 60_000,
};

/** Close codes of a socket refused as it opens. */
export const CAPACITY_CLOSE = {
  serverFull: { code: 4503, reason: CLOSE_REASONS.serverFull },
  addressFull: { code: 4509, reason: CLOSE_REASONS.addressFull },
} as const;

/** The server's count of sockets, by address, of the bytes they hold before authentication, and of those on their way out. */
export class Capacity {
  private sockets = 0;
  private readonly byAddress = new Map<string, number>();
  private pending = 0;
  private unsent = 0;

  constructor(readonly limits: CapacityLimits) {}

  /** Counts a new socket in, or says why it is refused. */
  admit(address: string): (typeof CAPACITY_CLOSE)[keyof typeof CAPACITY_CLOSE] | null {
    if (this.sockets >= this.limits.sockets) return CAPACITY_CLOSE.serverFull;
    const mine = this.byAddress.get(address) ?? 0;
    if (mine >= this.limits.socketsPerAddress) return CAPACITY_CLOSE.addressFull;
    this.sockets++;
    this.byAddress.set(address, mine + 1);
    return null;
  }

  release(address: string): void {
    this.sockets--;
    const left = (this.byAddress.get(address) ?? 1) - 1;
    if (left) this.byAddress.set(address, left);
    else this.byAddress.delete(address);
  }

  /** Takes `bytes` of the budget for frames waiting on authentication; false when it is spent. */
  hold(bytes: number): boolean {
    if (this.pending + bytes > this.limits.pendingBytes) return false;
    this.pending += bytes;
    return true;
  }

  free(bytes: number): void {
    this.pending -= bytes;
  }

  /** Takes `bytes` of the budget for whole-state answers on their way out; false when it is spent. */
  send(bytes: number): boolean {
    if (this.unsent + bytes > this.limits.unsentBytes) return false;
    this.unsent += bytes;
    return true;
  }

  sent(bytes: number): void {
    this.unsent -= bytes;
  }
}
