import type * as Y from "yjs";
import type { CardRecord } from "../schema/card";
import { recordsOf } from "../schema/layout";
import type { RecordMap } from "../schema/recordKind";

/**
 * Merged cards. A card merged into another names it in `mergedInto`; the
 * merged card is the one at the end of that chain, its root. The root is
 * read from the document alone, so every replica agrees on it whatever
 * order concurrent merges arrived in: a chain ends at a card that names
 * no card on the board (merged into nothing, or into a card since deleted,
 * which brings it back), and a loop that two people made by merging the
 * same cards into each other at once ends at its smallest id.
 */
export function mergeRootIn(cards: Y.Map<RecordMap>, id: string): string {
  const seen: string[] = [];
  let current = id;
  for (;;) {
    seen.push(current);
    const next = cards.get(current)?.get("mergedInto");
    if (typeof next !== "string" || !cards.has(next)) return current;
    const loopAt = seen.indexOf(next);
    if (loopAt >= 0) return seen.slice(loopAt).sort()[0]!;
    current = next;
  }
}

export const mergeRootOf = (doc: Y.Doc, id: string): string => mergeRootIn(recordsOf(doc, "cards"), id);

/** Whether a card is shown on its own: it is the root of its merge (merged into nothing that is on the board). */
export const standsAlone = (doc: Y.Doc, id: string): boolean => mergeRootOf(doc, id) === id;

/** The originals merged into a card (not the card itself), oldest first. */
export function mergedOriginals(doc: Y.Doc, rootId: string): CardRecord[] {
  const cards = recordsOf(doc, "cards");
  const out: CardRecord[] = [];
  cards.forEach((map, id) => {
    if (id !== rootId && map.get("mergedInto") !== null && mergeRootIn(cards, id) === rootId) {
      out.push(map.toJSON() as CardRecord);
    }
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** A merged card and its originals: the ids whose votes and ratings count for it. */
export const mergeGroupOf = (doc: Y.Doc, rootId: string): string[] => [
  rootId,
  ...mergedOriginals(doc, rootId).map((card) => card.id),
];

/** A voter's dots on one card, as ballots hold them. */
export interface CastDots {
  participantId: string;
  cardId: string;
  dots: number;
}

/**
 * The dots as they count once cards are merged: a voter's dots on any card
 * of a merged card count for it, at most `cap` (the round's most dots one
 * person puts on one card), so someone who voted for two cards that are now
 * one counts for it once within the cap, and the dots past the cap go back
 * to their budget. `rootOf` names each card's merged card (`mergeRootOf`).
 */
export function dotsOnMergedCards<R extends CastDots>(
  rows: readonly R[],
  rootOf: (cardId: string) => string,
  cap: number,
): R[] {
  const counted = new Map<string, R>();
  for (const row of rows) {
    const cardId = rootOf(row.cardId);
    const key = `${row.participantId}\u0000${cardId}`;
    const sum = counted.get(key);
    counted.set(key, { ...row, cardId, dots: Math.min(cap, (sum?.dots ?? 0) + row.dots) });
  }
  return [...counted.values()];
}
