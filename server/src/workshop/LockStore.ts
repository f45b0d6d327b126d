/**
 * Each board's locks (`lockKey` of each locked target): read from the store
 * every time, never cached, so every instance enforces the same locks.
 */
export interface LockStore {
  /** The locked targets, in order. */
  locksOf(boardId: string): Promise<string[]>;
  /** Locks or unlocks one target; answers whether that changed anything. */
  set(boardId: string, target: string, locked: boolean, at: number): Promise<boolean>;
}
