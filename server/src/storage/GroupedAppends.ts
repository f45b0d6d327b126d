import type { BoardStore, LogEntry } from "./BoardStore";

interface Waiting {
  entry: LogEntry;
  resolve(seq: number): void;
  reject(error: unknown): void;
}

/**
 * Appends to the update log in groups: what is asked for in one turn of
 * the event loop (the updates of every socket read in it) goes to the
 * store in one transaction (`appendUpdates`), so a burst of edits costs
 * one commit, not one each. Groups are written one after another, and what
 * comes while one is written waits for the next. Each append still resolves
 * only once its update is durable, so "acknowledged means durable" holds;
 * a group that fails stores none of its updates and fails each of them.
 */
export class GroupedAppends {
  private waiting: Waiting[] = [];
  private writing: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(private readonly store: Pick<BoardStore, "appendUpdates">) {}

  /** Resolves with the update's sequence number once it is in the log. */
  append(boardId: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry: { boardId, update }, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // After this turn's other sockets have had their frames handled, so their updates join this group.
      setImmediate(() => {
        this.scheduled = false;
        this.writing = this.writing.then(() => this.writeWaiting());
      });
    });
  }

  private async writeWaiting() {
    const group = this.waiting;
    // Taken by the write before, which started after this one was scheduled.
    if (!group.length) return;
    this.waiting = [];
    try {
      const seqs = await this.store.appendUpdates(group.map((waiting) => waiting.entry));
      group.forEach((waiting, index) => waiting.resolve(seqs[index]!));
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
    }
  }
}
