import type * as Y from "yjs";
import { mergeRootIn, recordsOf, type CardRecord } from "@journeyboard/shared";

/** No card of a cell stands for more than itself. */
export const NO_MERGES: ReadonlyMap<string, number> = new Map();

/**
 * How many cards each merged card of a cell stands for: itself and its
 * originals (the cell's records hold them, as a merged card's originals
 * stay in its cell: `mergeCards`, `moveCard`). Cards that stand for
 * themselves alone are not in it.
 */
export function mergedCountsIn(doc: Y.Doc, cell: readonly CardRecord[]): ReadonlyMap<string, number> {
  const records = recordsOf(doc, "cards");
  const counts = new Map<string, number>();
  for (const card of cell) {
    if (card.mergedInto === null) continue;
    const root = mergeRootIn(records, card.id);
    if (root !== card.id) counts.set(root, (counts.get(root) ?? 1) + 1);
  }
  return counts.size ? counts : NO_MERGES;
}
