import { CLOSE_REASONS, LIMITS } from "@journeyboard/shared";

export interface GateLimits {
  /** Messages a connection may send per second, on average... */
  messagesPerSecond: number;
  /** ...and in a burst. */
  messageBurst: number;
  /** Bytes a connection may send per second, on average (each byte costs reading and checking)... */
  bytesPerSecond: number;
  /** ...and at once: an offline client's edits arrive in one sync message when it is back. */
  bytesBurst: number;
  /** Records a connection's updates may create, change or delete per second, on average (each costs checking and repair)... */
  recordsPerSecond: number;
  /** ...and at once: a paste of a long list goes in parts of 500 cards. */
  recordsBurst: number;
  /** Presence messages applied per second; more are dropped (presence is lossy by nature). */
  presencePerSecond: number;
  /** First sync steps (each answered with what the client lacks, up to the whole board) per second, on average... */
  syncsPerSecond: number;
  /** ...and in a burst: a connection syncs its board and workshop documents, and again after each refusal. */
  syncBurst: number;
  /** Bytes of whole-state answers (a client that has nothing gets the whole board) per second, on average... */
  wholeStateBytesPerSecond: number;
  /** ...and at once. */
  wholeStateBurstBytes: number;
  /** Bytes held for documents whose authentication is not done (per socket; `Capacity` bounds them all together). */
  pendingBytes: number;
  /** The largest stateless message (commands). */
  statelessBytes: number;
  /** Bytes of updates held until what they build on arrives (per document). */
  unresolvedBytes: number;
  /** Records a board may hold. */
  boardRecords: number;
  /** Bytes a board's encoded document may take. */
  boardBytes: number;
}

export const DEFAULT_GATE_LIMITS: GateLimits = {
  messagesPerSecond: 200,
  messageBurst: 600,
  bytesPerSecond: 2 * 1024 * 1024,
  bytesBurst: 16 * 1024 * 1024,
  recordsPerSecond: 1_000,
  recordsBurst: 20_000,
  presencePerSecond: 40,
  syncsPerSecond: 0.2,
  syncBurst: 10,
  // The largest board and its workshop document at once, then a board a minute: a client asks once per connection.
  wholeStateBytesPerSecond: LIMITS.boardBytes / 60,
  wholeStateBurstBytes: LIMITS.boardBytes + 1024 * 1024,
  pendingBytes: 8 * 1024 * 1024,
  statelessBytes: 16 * 1024,
  unresolvedBytes: 4 * 1024 * 1024,
  boardRecords: LIMITS.boardRecords,
  boardBytes: LIMITS.boardBytes,
};

/** Close codes the gate uses (4000-4999 are the application's). */
export const GATE_CLOSE = {
  malformed: { code: 1007, reason: CLOSE_REASONS.malformed },
  rateLimit: { code: 4429, reason: CLOSE_REASONS.rateLimit },
  pendingLimit: { code: 4413, reason: CLOSE_REASONS.pendingLimit },
  authenticationTimeout: { code: 4408, reason: CLOSE_REASONS.authenticationTimeout },
  serverBusy: { code: 4503, reason: CLOSE_REASONS.serverFull },
  // 1013 is WebSocket's "try again later": the provider reconnects, as it does after any close.
  storageUnavailable: { code: 1013, reason: CLOSE_REASONS.storageUnavailable },
} as const;
