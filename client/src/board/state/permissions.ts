import type * as Y from "yjs";
import {
  DEFAULT_PHASE,
  PHASES,
  SESSION_COFACILITATORS,
  SESSION_OTHERS_CARDS,
  SESSION_ANONYMOUS,
  anonymousFrom,
  SESSION_HISTORY,
  SESSION_LOCKS,
  SESSION_PHASE,
  WORKSHOP_SESSION,
  lockHolding,
  mayChange,
  mayChangeCardOf,
  mayMerge,
  mayCommand,
  othersCardsFrom,
  parseLockKey,
  readCofacilitators,
  readLocks,
  runsWorkshop,
  standingOf,
  type BoardArea,
  type BoardChange,
  type CofacilitatorCommand,
  type AnonymousCommand,
  type CommandName,
  type LockCommand,
  type LockKind,
  type LockPlace,
  type OthersCards,
  type OthersCardsCommand,
  type Phase,
  type PhaseCommand,
  type Role,
  type Standing,
} from "@journeyboard/shared";

/** A change described by what it touches: one area, several, or one field of a record. */
export type ChangeScope = BoardArea | readonly BoardArea[] | BoardChange;

/** Merging cards and restoring an original: a card's `mergedInto`, which those who run the workshop write (`mayMerge`). */
export const MERGE_CARDS: BoardChange = { area: "cards", record: null, field: "mergedInto", created: false };

/** Reordering the plan: the facilitator's alone. */
export const PLAN_ORDER: BoardChange = { area: "actions", record: null, field: "order", created: false };
/** Giving an action the dots its cards had: the facilitator's alone (the server counts them). */
export const ACTION_DOTS: BoardChange = { area: "actions", record: null, field: "dots", created: false };
/** Deleting a journey (with its stages, lanes and cards): the facilitator's alone. */
export const DELETE_JOURNEY: BoardChange = { area: "journeys", record: null, field: null, created: false };
/** Deleting a stage or lane with its cards: the facilitator's alone. */
export const deleteAxis = (area: "stages" | "lanes"): BoardChange => ({
  area,
  record: null,
  field: "deleted",
  created: false,
});

/**
 * What this person may change and do right now: where they stand (their
 * role, or co-facilitator), the locks, and the workshop phase the
 * facilitator set (read from the workshop document, which the server alone
 * writes). The server decides the same with the same policy (`mayChange`,
 * `mayCommand`); this only keeps the app from offering what it would
 * refuse.
 */
export class Permissions {
  private current: Phase = DEFAULT_PHASE;
  private lockSet: ReadonlySet<string> = new Set();
  private cofacilitatorSet: ReadonlySet<string> = new Set();
  private othersCards: OthersCards = othersCardsFrom(undefined);
  private anonymousBoard = false;
  /** Who the server knows this connection as (`person.known`); null until it has said. */
  private person: string | null = null;
  private lastHistoryAt = 0;
  private readonly listeners = new Set<() => void>();
  private readonly session: Y.Map<unknown> | null;

  constructor(
    readonly role: Role,
    workshop: Y.Doc | null,
    /** Sends a command to the server over the board's connection. */
    private readonly send: (
      command: PhaseCommand | LockCommand | CofacilitatorCommand | OthersCardsCommand | AnonymousCommand,
    ) => void = () => {},
  ) {
    this.session = workshop?.getMap(WORKSHOP_SESSION) ?? null;
    this.session?.observe(this.read);
    this.read();
  }

  /** The board's locked targets (`lockKey`), a new set at each change. */
  get locks(): ReadonlySet<string> {
    return this.lockSet;
  }

  get phase(): Phase {
    return this.current;
  }

  /** The person ids of the co-facilitators, a new set at each change. */
  get cofacilitators(): ReadonlySet<string> {
    return this.cofacilitatorSet;
  }

  /** Where this person stands now: a participant the facilitator named is a co-facilitator. */
  get standing(): Standing {
    return standingOf(this.role, this.person !== null && this.cofacilitatorSet.has(this.person));
  }

  /** Whether this person runs the workshop (facilitator or co-facilitator): locks and phases do not hold them. */
  get runsWorkshop(): boolean {
    return runsWorkshop(this.standing);
  }

  /** Who the server knows this connection as: the author of the cards it makes. */
  get personId(): string | null {
    return this.person;
  }

  /** Whether the board is anonymous (shared `anonymous.ts`): what this person writes carries no name. */
  get anonymous(): boolean {
    return this.anonymousBoard;
  }

  /** Whether participants may change others' cards in this phase (shared `cardRights.ts`). */
  othersCardsOpenIn = (phase: Phase): boolean => this.othersCards[phase];

  /** Whether this person may change this card as far as its author goes: theirs, or the phase opens others'. */
  mayChangeCard = (card: { authorId?: unknown }): boolean =>
    mayChangeCardOf(this.standing, this.person, card.authorId, this.othersCards[this.current]);

  /**
   * Whose cards alone this person may move now: their own (none before the
   * server said who they are), or null when anyone's may be moved.
   */
  get onlyCardsOf(): string | null {
    return this.runsWorkshop || this.othersCards[this.current] ? null : (this.person ?? "");
  }

  /** The server said who this connection is. */
  knownAs(personId: string): void {
    if (personId === this.person) return;
    this.person = personId;
    this.listeners.forEach((listener) => listener());
  }

  may = (scope: ChangeScope): boolean => {
    // The guard takes merges from those who run the workshop alone, whatever the phase lets anyone write.
    if (scope === MERGE_CARDS) return mayMerge(this.standing);
    if (typeof scope === "string") return this.mayIn(scope);
    if (Array.isArray(scope)) return scope.every((area: BoardArea) => this.mayIn(area));
    return mayChange(this.standing, this.current, scope as BoardChange);
  };

  /** Whether this person may send a workshop command: the app offers only the controls the server takes. */
  mayCommand = (command: CommandName): boolean => mayCommand(this.standing, command);

  private mayIn = (area: BoardArea) =>
    mayChange(this.standing, this.current, { area, record: null, field: null, created: true });

  /** The lock holding a record of this area placed here, or null; every lock is shown, to everyone. */
  lockOn = (area: string, id: string, place: LockPlace): string | null => lockHolding(this.lockSet, area, id, place);

  /** Whether a lock keeps this person from changing the record: none holds those who run the workshop. */
  lockedFor = (area: string, id: string, place: LockPlace): boolean =>
    !this.runsWorkshop && this.lockOn(area, id, place) !== null;

  /** Whether this very target is locked (not only held by a lock on what contains it). */
  isLocked = (kind: LockKind, id: string): boolean => this.lockSet.has(`${kind}/${id}`);

  /** Asks the server to lock or unlock a target (the facilitator and co-facilitators only: the server refuses anyone else). */
  setLock(kind: LockKind, id: string, locked: boolean): void {
    this.send({ type: "lock.set", kind, id, locked });
  }

  /** Locks each of these journeys not locked yet: all they hold with them (the facilitator's "lock everything"). */
  lockJourneys(ids: readonly string[]): void {
    for (const id of ids) if (!this.isLocked("journey", id)) this.setLock("journey", id, true);
  }

  /** Lifts every lock on the board. */
  unlockAll(): void {
    for (const key of this.lockSet) {
      const target = parseLockKey(key);
      if (target) this.setLock(target.kind, target.id, false);
    }
  }

  /** Makes a participant a co-facilitator, or takes it back (the facilitator's alone: the server refuses anyone else). */
  setCofacilitator(personId: string, granted: boolean): void {
    this.send({ type: "cofacilitator.set", personId, granted });
  }

  /** Lets participants change others' cards in a phase, or keeps them to their own (those who run the workshop). */
  setOthersCards(phase: Phase, allowed: boolean): void {
    this.send({ type: "cards.others", phase, allowed });
  }

  /** Makes the board anonymous, or names people again (those who run the workshop). */
  setAnonymous(anonymous: boolean): void {
    this.send({ type: "board.anonymous", anonymous });
  }

  /** Asks the server to move the workshop to another phase (the facilitator and co-facilitators only: the server refuses anyone else). */
  setPhase(phase: Phase): void {
    this.send({ type: "phase.set", phase });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.session?.unobserve(this.read);
  }

  /** When the board's history last gained a snapshot (0 before any): a history on screen reads it again when it moves. */
  get historyAt(): number {
    const at = this.session?.get(SESSION_HISTORY);
    return typeof at === "number" ? at : 0;
  }

  private read = () => {
    if (this.historyAt !== this.lastHistoryAt) {
      this.lastHistoryAt = this.historyAt;
      this.listeners.forEach((listener) => listener());
    }
    const locks = readLocks(this.session?.get(SESSION_LOCKS));
    if ([...locks].join() !== [...this.lockSet].join()) {
      this.lockSet = locks;
      this.listeners.forEach((listener) => listener());
    }
    const othersCards = othersCardsFrom(this.session?.get(SESSION_OTHERS_CARDS));
    if (JSON.stringify(othersCards) !== JSON.stringify(this.othersCards)) {
      this.othersCards = othersCards;
      this.listeners.forEach((listener) => listener());
    }
    const anonymous = anonymousFrom(this.session?.get(SESSION_ANONYMOUS));
    if (anonymous !== this.anonymousBoard) {
      this.anonymousBoard = anonymous;
      this.listeners.forEach((listener) => listener());
    }
    const cofacilitators = readCofacilitators(this.session?.get(SESSION_COFACILITATORS));
    if ([...cofacilitators].join() !== [...this.cofacilitatorSet].join()) {
      this.cofacilitatorSet = cofacilitators;
      this.listeners.forEach((listener) => listener());
    }
    const phase = this.session?.get(SESSION_PHASE);
    const next = (PHASES as readonly unknown[]).includes(phase) ? (phase as Phase) : DEFAULT_PHASE;
    if (next === this.current) return;
    this.current = next;
    this.listeners.forEach((listener) => listener());
  };
}
