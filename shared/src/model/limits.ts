/** Size caps shared by client (to warn early) and server (to enforce). */
export const LIMITS = {
  cardText: 2000,
  title: 200,
  displayName: 60,
  department: 60,
  /** Records of all kinds in one board (cards, stages, ratings, ...): 10,000 cards and their ratings fit. */
  boardRecords: 60_000,
  /** Bytes of a board's encoded document (tombstones included): what every join downloads. */
  boardBytes: 32 * 1024 * 1024,
} as const;
