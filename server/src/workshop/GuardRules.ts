import type { OthersCards, Phase } from "@journeyboard/shared";
import type { WorkshopPart } from "./WorkshopNotice";

/** What the guard reads of a board's workshop for every update. */
export interface BoardRules {
  phase: Phase;
  /** Every locked target. */
  locks: ReadonlySet<string>;
  /** The co-facilitators' person ids. */
  cofacilitators: ReadonlySet<string>;
  othersCards: OthersCards;
  anonymous: boolean;
}

/** The parts of a workshop the rules are made of: a notice naming one makes the board's rules be read again. */
const RULE_PARTS: ReadonlySet<WorkshopPart> = new Set(["phase", "locks", "cofacilitators", "othersCards", "anonymous"]);

/** The methods of a store that take a board id first and answer with a promise. */
type BoardMethod<S> = {
  [K in keyof S]: S[K] extends (boardId: string, ...rest: never[]) => Promise<unknown> ? K : never;
}[keyof S];

/**
 * Each loaded board's rules as last read from the store, so that an update
 * costs no reads. They are read again after every change of them: one made
 * here (each write of the stores they come from, `watch`), and one made on
 * another instance (its workshop notice, `changed`, heard before the
 * workshop document shows the change to anyone; also after a lost Redis
 * connection, which reads every part again). A board's rules are dropped
 * when it unloads, since an instance hears no notices of a board it does
 * not hold.
 *
 * What is kept is the read itself, a promise: a read under way when a
 * change is made is dropped with it, so no update after the change is
 * checked against what the store held before.
 */
export class GuardRules {
  private readonly held = new Map<string, Promise<BoardRules>>();

  constructor(private readonly read: (boardId: string) => Promise<BoardRules>) {}

  rulesOf(boardId: string): Promise<BoardRules> {
    const held = this.held.get(boardId);
    if (held) return held;
    const reading = this.read(boardId);
    this.held.set(boardId, reading);
    // A failed read is not kept: the next update reads again.
    reading.catch(() => this.drop(boardId, reading));
    return reading;
  }

  /** A workshop notice from any instance: the rules are read again if it names a part of them. */
  changed(boardId: string, parts: readonly WorkshopPart[]): void {
    if (parts.some((part) => RULE_PARTS.has(part))) this.forget(boardId);
  }

  forget(boardId: string): void {
    this.held.delete(boardId);
  }

  /** The store, with each of `writes` making the board's rules be read again once it has finished, or failed. */
  watch<S extends object>(store: S, ...writes: BoardMethod<S>[]): S {
    const watched = Object.create(store) as S;
    for (const name of writes) {
      const write = store[name] as (boardId: string, ...rest: unknown[]) => Promise<unknown>;
      const forgetting = (boardId: string, ...rest: unknown[]) =>
        write.call(store, boardId, ...rest).finally(() => this.forget(boardId));
      Object.defineProperty(watched, name, { value: forgetting });
    }
    return watched;
  }

  private drop(boardId: string, reading: Promise<BoardRules>) {
    if (this.held.get(boardId) === reading) this.held.delete(boardId);
  }
}
