import type * as Y from "yjs";
import { COMMAND_REFUSALS, LOCK_AREAS, lockKey, recordsOf, type LockCommand } from "@journeyboard/shared";
import type { LockStore } from "./LockStore";
import { Refused } from "./Refused";
import type { WorkshopWriter } from "./WorkshopWriter";

/**
 * Locks: `lock.set` (the facilitator's and co-facilitators', by the policy)
 * is stored, published in the board's workshop document and, from then on,
 * refuses changes to locked content from anyone who does not run the
 * workshop (checkUpdate).
 */
export class LockService {
  constructor(
    private readonly store: LockStore,
    private readonly writer: WorkshopWriter,
    private readonly now: () => number,
  ) {}

  locksOf = async (boardId: string): Promise<ReadonlySet<string>> => new Set(await this.store.locksOf(boardId));

  async set(boardId: string, board: Y.Doc, { kind, id, locked }: LockCommand): Promise<void> {
    // Unlocking stays possible once the target is gone: nothing is left behind that cannot be lifted.
    if (locked && !recordsOf(board, LOCK_AREAS[kind]).has(id)) throw new Refused(COMMAND_REFUSALS.noSuchTarget);
    if (!(await this.store.set(boardId, lockKey(kind, id), locked, this.now()))) return;
    void this.writer.publish(boardId, { locks: await this.store.locksOf(boardId) });
  }
}
