import type { Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";
import {
  SESSION_FOLLOW,
  SESSION_HISTORY,
  SESSION_LOCKS,
  SESSION_PHASE,
  SESSION_TIMER,
  WORKSHOP_ROUNDS,
  WORKSHOP_SESSION,
  workshopDocumentName,
  type FollowState,
  type Phase,
  type RoundRecord,
  type TimerState,
} from "@journeyboard/shared";
import type { Logger } from "../logger";

/** What a change of the workshop puts into its document; each part stored before it is published. */
export interface WorkshopPatch {
  phase?: Phase;
  /** null: the board has no timer any more. */
  timer?: TimerState | null;
  historyAt?: number;
  rounds?: readonly RoundRecord[];
  /** Every locked target, sorted. */
  locks?: readonly string[];
  /** null: nobody asks to be followed any more. */
  follow?: FollowState | null;
}

/** Where the writer reads a whole workshop from, to fill a workshop document being loaded. */
export interface WorkshopSource {
  phaseOf(boardId: string): Promise<Phase>;
  timerOf(boardId: string): Promise<TimerState | null>;
  historyAt(boardId: string): Promise<number>;
  rounds(boardId: string): Promise<RoundRecord[]>;
  locksOf(boardId: string): Promise<string[]>;
  followOf(boardId: string): Promise<FollowState | null>;
}

/**
 * The one writer of every board's workshop document. The stores hold the
 * workshop (phase, timer, rounds, history, locks, follow me); the document is their copy for
 * clients, so it is filled from the stores whenever it loads (on any
 * instance, after any restart) and patched after each stored change. The
 * patches of one board are written in the order they were made.
 */
export class WorkshopWriter {
  private readonly writing = new Map<string, Promise<void>>();

  constructor(
    private readonly instance: () => Hocuspocus,
    private readonly source: WorkshopSource,
    private readonly logger: Logger,
  ) {}

  /** Writes a change already stored into the board's workshop document, after the changes before it. */
  publish(boardId: string, patch: WorkshopPatch): Promise<void> {
    const next = (this.writing.get(boardId) ?? Promise.resolve())
      .then(async () => {
        const direct = await this.instance().openDirectConnection(workshopDocumentName(boardId), { boardId });
        await direct.transact((doc) => apply(doc, patch));
        await direct.disconnect();
      })
      .catch((error: unknown) => this.logger.error({ err: error, board: boardId }, "workshop not published"));
    this.writing.set(boardId, next);
    void next.then(() => {
      if (this.writing.get(boardId) === next) this.writing.delete(boardId);
    });
    return next;
  }

  /** Fills a workshop document being loaded with everything stored: the store is the truth, the document its copy. */
  async fill(boardId: string, doc: Y.Doc): Promise<void> {
    const { source } = this;
    const [phase, timer, historyAt, rounds, locks, follow] = await Promise.all([
      source.phaseOf(boardId),
      source.timerOf(boardId),
      source.historyAt(boardId),
      source.rounds(boardId),
      source.locksOf(boardId),
      source.followOf(boardId),
    ]);
    doc.transact(() => apply(doc, { phase, timer, ...(historyAt > 0 ? { historyAt } : {}), rounds, locks, follow }));
  }

  /** Waits for the writes under way. */
  async flush(): Promise<void> {
    await Promise.all(this.writing.values());
  }
}

function apply(doc: Y.Doc, { phase, timer, historyAt, rounds, locks, follow }: WorkshopPatch): void {
  const session = doc.getMap(WORKSHOP_SESSION);
  if (phase !== undefined) session.set(SESSION_PHASE, phase);
  if (locks !== undefined) session.set(SESSION_LOCKS, locks);
  if (historyAt !== undefined) session.set(SESSION_HISTORY, historyAt);
  if (timer === null) session.delete(SESSION_TIMER);
  else if (timer !== undefined) session.set(SESSION_TIMER, timer);
  if (follow === null) session.delete(SESSION_FOLLOW);
  else if (follow !== undefined) session.set(SESSION_FOLLOW, follow);
  const stored = doc.getMap(WORKSHOP_ROUNDS);
  for (const round of rounds ?? []) stored.set(round.id, round);
}
