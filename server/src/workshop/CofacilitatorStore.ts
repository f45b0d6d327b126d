/**
 * Each board's co-facilitators (person ids, shared `people.ts`): read from
 * the store at every command and update, never cached, so every instance
 * gives a person the same rights the moment the facilitator changes them.
 */
export interface CofacilitatorStore {
  /** The co-facilitators' person ids, in order. */
  cofacilitatorsOf(boardId: string): Promise<string[]>;
  /** Makes a person a co-facilitator or takes it back; answers whether that changed anything. */
  set(boardId: string, personId: string, granted: boolean, at: number): Promise<boolean>;
}
