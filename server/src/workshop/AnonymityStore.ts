/**
 * Whether each board is anonymous (shared `anonymous.ts`): read from the
 * store at every update and presence, never cached, so every instance
 * keeps names out from the moment it is stored.
 */
export interface AnonymityStore {
  /** False for a board the facilitator never made anonymous. */
  anonymousOf(boardId: string): Promise<boolean>;
  set(boardId: string, anonymous: boolean, at: number): Promise<void>;
}
