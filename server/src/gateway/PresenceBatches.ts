/**
 * Presence goes out in batches, at most one per board every `intervalMs`:
 * each connection's latest presence waits for its board's next batch (one
 * it sent before it, meanwhile, is dropped unread: the last position of a
 * pointer is all anyone needs), then all of them are applied in one turn
 * of the event loop, which Hocuspocus sends to each connection as one
 * message. The first presence on a board quiet for an interval goes at
 * once. So a board's presence costs the server sends per batch, not per
 * pointer move, however many people move theirs.
 */
export class PresenceBatches {
  /** Per board document (held only while it is), what waits for its next batch and when the last one went. */
  private readonly boards = new WeakMap<object, Batch>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps `apply` as what `sender` shows of itself on `board` in the next batch, instead of what it sent before. */
  offer(board: object, sender: object, apply: () => void): void {
    let batch = this.boards.get(board);
    if (!batch) {
      batch = { waiting: new Map(), timer: undefined, last: -Infinity };
      this.boards.set(board, batch);
    }
    batch.waiting.set(sender, apply);
    if (batch.timer) return;
    const timer = setTimeout(() => this.send(batch, timer), Math.max(0, batch.last + this.intervalMs - this.now()));
    batch.timer = timer;
    this.timers.add(timer);
  }

  /** Sends nothing more: what waits is dropped. */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private send(batch: Batch, timer: NodeJS.Timeout) {
    this.timers.delete(timer);
    batch.timer = undefined;
    batch.last = this.now();
    const applies = [...batch.waiting.values()];
    batch.waiting.clear();
    for (const apply of applies) apply();
  }
}

interface Batch {
  waiting: Map<object, () => void>;
  timer: NodeJS.Timeout | undefined;
  last: number;
}
