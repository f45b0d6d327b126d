import type * as Y from "yjs";
import type { Origin } from "../origins";
import { DomainError, patchRecord, readRecord, recordsOf } from "../schema/layout";
import { cardsInCell } from "../read/grid";
import { mergeRootIn, mergedOriginals } from "../read/merges";
import { keyAtIndex } from "./order";

export interface MergeCardsArgs {
  /** The card the others go into: it stays in its place and keeps its text on the board. */
  into: string;
  /** The cards merged into it (at least one), each shown on its own in the same cell until now. */
  ids: readonly string[];
}

/**
 * Merges cards that say the same thing into one, in one step (undo splits
 * them again). Nothing is copied or lost: each merged card keeps its
 * record, only naming the card it went into, so its text, its author's
 * department, its ratings and the dots on it stay with it and count for
 * the merged card (`read/merges.ts`). Cards already merged into one of
 * them are merged into the new card directly, so each original is
 * restored on its own.
 */
export function mergeCards(doc: Y.Doc, args: MergeCardsArgs, origin: Origin): void {
  doc.transact(() => {
    const cards = recordsOf(doc, "cards");
    const into = readRecord(doc, "cards", args.into);
    if (!into) throw new DomainError("not-found", `card ${args.into} does not exist`);
    const ids = [...new Set(args.ids)].filter((id) => id !== args.into);
    if (ids.length === 0) throw new DomainError("invalid", "merging takes at least two cards");
    for (const id of [args.into, ...ids]) {
      const card = readRecord(doc, "cards", id);
      if (!card) throw new DomainError("not-found", `card ${id} does not exist`);
      if (mergeRootIn(cards, id) !== id) throw new DomainError("invalid", `card ${id} is already merged into another`);
      if (card.stageId !== into.stageId || card.laneId !== into.laneId) {
        throw new DomainError("invalid", "only cards of one cell are merged");
      }
    }
    // A card in a loop, or merged into a card since deleted, stands alone from now on.
    if (into.mergedInto !== null) patchRecord(doc, "cards", args.into, { mergedInto: null });
    for (const id of ids) {
      for (const original of mergedOriginals(doc, id))
        patchRecord(doc, "cards", original.id, { mergedInto: args.into });
      patchRecord(doc, "cards", id, { mergedInto: args.into });
    }
  }, origin);
}

/**
 * Takes one original out of its merged card: it stands on its own again,
 * right after the merged card in that card's cell, with its own text,
 * author, ratings and dots.
 */
export function restoreMergedCard(doc: Y.Doc, args: { id: string }, origin: Origin): void {
  doc.transact(() => {
    const cards = recordsOf(doc, "cards");
    const card = readRecord(doc, "cards", args.id);
    if (!card) throw new DomainError("not-found", `card ${args.id} does not exist`);
    const rootId = mergeRootIn(cards, args.id);
    const root = readRecord(doc, "cards", rootId);
    if (rootId === args.id || !root) throw new DomainError("invalid", `card ${args.id} is not merged into another`);
    const siblings = cardsInCell(doc, root.stageId, root.laneId);
    const after = siblings.findIndex((sibling) => sibling.id === rootId) + 1;
    // A merged card in a loop (two merges into each other at once) names one of its originals: it stands alone now.
    if (root.mergedInto !== null) patchRecord(doc, "cards", rootId, { mergedInto: null });
    patchRecord(doc, "cards", args.id, {
      mergedInto: null,
      stageId: root.stageId,
      laneId: root.laneId,
      order: keyAtIndex(siblings, after),
    });
  }, origin);
}
