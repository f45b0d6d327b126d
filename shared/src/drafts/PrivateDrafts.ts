import type * as Y from "yjs";
import { z } from "zod";
import { LIMITS } from "../model/limits";
import { addCard } from "../ops/cards";
import type { Origin } from "../origins";
import { DomainError, readRecord } from "../schema/layout";

/**
 * A person's private drafts on one board (`protocol/drafts.ts`): cards
 * written in the drafting phase, kept on their own device only, until they
 * are published into the board as ordinary cards through `addCard`. No
 * DOM: the web app keeps them in localStorage, a test in a map. Every read
 * goes to the shelf, so two tabs of one person share their drafts and a
 * draft published in one is not published again by the other.
 */

/** Where drafts are kept between visits: the browser's localStorage (synchronous, so a closing tab loses none). */
export interface DraftShelf {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PrivateDraft = z.object({
  id: z.string().min(1).max(64),
  journeyId: z.string(),
  stageId: z.string(),
  laneId: z.string(),
  text: z.string().max(LIMITS.cardText),
  authorName: z.string(),
  authorDepartment: z.string(),
  createdAt: z.number(),
});
export type PrivateDraft = z.infer<typeof PrivateDraft>;

/** Where one person's drafts of one board are kept on their device. */
export const draftShelfKey = (boardId: string, personId: string): string =>
  `journeyboard.drafts.${boardId}.${personId}`;

export class PrivateDrafts {
  private readonly listeners = new Set<() => void>();
  private cached: readonly PrivateDraft[] | null = null;

  constructor(
    private readonly shelf: DraftShelf,
    private readonly key: string,
  ) {}

  /** The drafts not yet published, oldest first (each array a new one after a change). */
  list(): readonly PrivateDraft[] {
    return (this.cached ??= this.read());
  }

  get count(): number {
    return this.list().length;
  }

  /** Keeps new drafts on this device; nothing of them leaves it. */
  keep(...drafts: PrivateDraft[]): void {
    this.write([...this.read(), ...drafts.map((draft) => PrivateDraft.parse(draft))]);
  }

  /** Changes the text of a draft on this device (it stays a draft); a draft no longer here (published, discarded) is left so. */
  edit(id: string, text: string): void {
    const drafts = this.read();
    if (!drafts.some((draft) => draft.id === id)) return;
    this.write(drafts.map((draft) => (draft.id === id ? PrivateDraft.parse({ ...draft, text }) : draft)));
  }

  discard(id: string): void {
    this.write(this.read().filter((draft) => draft.id !== id));
  }

  /**
   * Writes drafts into the board as cards of their authors, in one
   * transaction (everyone sees them arrive at once), and forgets them here.
   * `authorId` is this person's id as the server knows it now (whose cards
   * they are), not kept with a draft written before the server said.
   * `ids` null: every draft. A draft whose card is on the board already
   * (published from another tab) is only forgotten; one whose cell is gone
   * stays a draft, so nobody's words are lost. Answers the ids published.
   */
  publish(doc: Y.Doc, ids: readonly string[] | null, origin: Origin, authorId: string | null): string[] {
    const drafts = this.read();
    const chosen = ids === null ? drafts : drafts.filter((draft) => ids.includes(draft.id));
    const published: string[] = [];
    doc.transact(() => {
      for (const draft of chosen) {
        try {
          if (!readRecord(doc, "cards", draft.id)) addCard(doc, { ...draft, authorId }, origin);
          published.push(draft.id);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
    }, origin);
    if (published.length) this.write(drafts.filter((draft) => !published.includes(draft.id)));
    return published;
  }

  /** The shelf changed elsewhere (another tab of this person): read it again. */
  reread(): void {
    this.cached = null;
    this.listeners.forEach((listener) => listener());
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private read(): PrivateDraft[] {
    try {
      const stored: unknown = JSON.parse(this.shelf.getItem(this.key) ?? "[]");
      if (!Array.isArray(stored)) return [];
      return stored.flatMap((entry) => {
        const parsed = PrivateDraft.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      });
    } catch {
      return [];
    }
  }

  private write(drafts: readonly PrivateDraft[]): void {
    if (drafts.length) this.shelf.setItem(this.key, JSON.stringify(drafts));
    else this.shelf.removeItem(this.key);
    this.reread();
  }
}
