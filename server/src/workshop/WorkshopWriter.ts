import type { Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";
import {
  SESSION_FOLLOW,
  SESSION_COFACILITATORS,
  SESSION_OTHERS_CARDS,
  SESSION_ANONYMOUS,
  SESSION_HISTORY,
  SESSION_LOCKS,
  SESSION_PHASE,
  SESSION_TIMER,
  WORKSHOP_ROUNDS,
  WORKSHOP_SESSION,
  workshopDocumentName,
  type FollowState,
  type OthersCards,
  type Phase,
  type RoundRecord,
  type TimerState,
} from "@journeyboard/shared";
import type { Logger } from "../logger";
import { WORKSHOP_PARTS, type Announce, type WorkshopPart } from "./WorkshopNotice";

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
  /** Every co-facilitator's person id, sorted. */
  cofacilitators?: readonly string[];
  /** For each phase, whether participants may change others' cards. */
  othersCards?: OthersCards;
  /** Whether the board is anonymous. */
  anonymous?: boolean;
}

/** Where the writer reads a whole workshop from, to fill a workshop document being loaded. */
export interface WorkshopSource {
  phaseOf(boardId: string): Promise<Phase>;
  timerOf(boardId: string): Promise<TimerState | null>;
  historyAt(boardId: string): Promise<number>;
  rounds(boardId: string): Promise<RoundRecord[]>;
  locksOf(boardId: string): Promise<string[]>;
  followOf(boardId: string): Promise<FollowState | null>;
  cofacilitatorsOf(boardId: string): Promise<string[]>;
  othersCardsOf(boardId: string): Promise<OthersCards>;
  anonymousOf(boardId: string): Promise<boolean>;
}

/**
 * The one writer of every board's workshop document. The stores hold the
 * workshop (phase, timer, rounds, history, locks, follow me, co-facilitators, anonymity); the document is their copy for
 * clients, so it is filled from the stores whenever it loads (on any
 * instance, after any restart) and patched after each stored change. The
 * patches of one board are written in the order they were made. Other
 * instances holding the board are told which parts changed (`announce`)
 * and read those parts from the store again (`refresh`), this one too
 * when the notice comes back: what each shows is what the store holds
 * after the last change, whatever order two instances' notices came in.
 */
export class WorkshopWriter {
  private readonly writing = new Map<string, Promise<void>>();

  constructor(
    private readonly instance: () => Hocuspocus,
    private readonly source: WorkshopSource,
    private readonly logger: Logger,
    private readonly announce: Announce = () => {},
  ) {}

  /** Writes a change already stored into the board's workshop document, after the changes before it. */
  publish(boardId: string, patch: WorkshopPatch): Promise<void> {
    this.announce(boardId, { parts: partsOf(patch) });
    return this.inOrder(boardId, () => this.write(boardId, patch));
  }

  /**
   * Reads parts again from the store into the workshop document, if it is
   * loaded or loading here: some instance changed them. One loading may
   * have been filled before the change; this writes after its load.
   */
  refresh(boardId: string, parts: readonly WorkshopPart[]): Promise<void> {
    return this.inOrder(boardId, async () => {
      if (!this.holds(boardId)) return;
      await this.write(boardId, await this.read(boardId, parts));
    });
  }

  /** Whether the board's workshop document is loaded, or loading, here. */
  holds(boardId: string): boolean {
    const name = workshopDocumentName(boardId);
    return this.instance().documents.has(name) || this.instance().loadingDocuments.has(name);
  }

  private async write(boardId: string, patch: WorkshopPatch) {
    const direct = await this.instance().openDirectConnection(workshopDocumentName(boardId), { boardId });
    await direct.transact((doc) => apply(doc, patch));
    await direct.disconnect();
  }

  private inOrder(boardId: string, work: () => Promise<void>): Promise<void> {
    const next = (this.writing.get(boardId) ?? Promise.resolve())
      .then(work)
      .catch((error: unknown) => this.logger.error({ err: error, board: boardId }, "workshop not published"));
    this.writing.set(boardId, next);
    void next.then(() => {
      if (this.writing.get(boardId) === next) this.writing.delete(boardId);
    });
    return next;
  }

  /** Fills a workshop document being loaded with everything stored: the store is the truth, the document its copy. */
  async fill(boardId: string, doc: Y.Doc): Promise<void> {
    const patch = await this.read(boardId, WORKSHOP_PARTS);
    doc.transact(() => apply(doc, patch));
  }

  private async read(boardId: string, parts: readonly WorkshopPart[]): Promise<WorkshopPatch> {
    const { source } = this;
    const reads: Record<WorkshopPart, () => Promise<WorkshopPatch>> = {
      phase: async () => ({ phase: await source.phaseOf(boardId) }),
      timer: async () => ({ timer: await source.timerOf(boardId) }),
      historyAt: async () => {
        const historyAt = await source.historyAt(boardId);
        return historyAt > 0 ? { historyAt } : {};
      },
      rounds: async () => ({ rounds: await source.rounds(boardId) }),
      locks: async () => ({ locks: await source.locksOf(boardId) }),
      follow: async () => ({ follow: await source.followOf(boardId) }),
      cofacilitators: async () => ({ cofacilitators: await source.cofacilitatorsOf(boardId) }),
      othersCards: async () => ({ othersCards: await source.othersCardsOf(boardId) }),
      anonymous: async () => ({ anonymous: await source.anonymousOf(boardId) }),
    };
    return Object.assign({}, ...(await Promise.all(parts.map((part) => reads[part]())))) as WorkshopPatch;
  }

  /** Waits for the writes under way. */
  async flush(): Promise<void> {
    await Promise.all(this.writing.values());
  }
}

const partsOf = (patch: WorkshopPatch): WorkshopPart[] => WORKSHOP_PARTS.filter((part) => patch[part] !== undefined);

function apply(
  doc: Y.Doc,
  { phase, timer, historyAt, rounds, locks, follow, cofacilitators, othersCards, anonymous }: WorkshopPatch,
): void {
  const session = doc.getMap(WORKSHOP_SESSION);
  if (phase !== undefined) setChanged(session, SESSION_PHASE, phase);
  if (locks !== undefined) setChanged(session, SESSION_LOCKS, locks);
  if (historyAt !== undefined) setChanged(session, SESSION_HISTORY, historyAt);
  if (cofacilitators !== undefined) setChanged(session, SESSION_COFACILITATORS, cofacilitators);
  if (othersCards !== undefined) setChanged(session, SESSION_OTHERS_CARDS, othersCards);
  if (anonymous !== undefined) setChanged(session, SESSION_ANONYMOUS, anonymous);
  if (timer === null) session.delete(SESSION_TIMER);
  else if (timer !== undefined) setChanged(session, SESSION_TIMER, timer);
  if (follow === null) session.delete(SESSION_FOLLOW);
  else if (follow !== undefined) setChanged(session, SESSION_FOLLOW, follow);
  const stored = doc.getMap(WORKSHOP_ROUNDS);
  for (const round of rounds ?? []) setChanged(stored, round.id, round);
}

/** Sets a value unless the map holds an equal one: a part read again unchanged sends clients nothing. */
function setChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
}
