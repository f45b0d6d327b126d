import { generateKeyBetween } from "fractional-indexing";

/**
 * Records are ordered by a fractional-index `order` key. Two people inserting
 * at the same place at once may produce the same key; ties are broken by id
 * so every replica sorts identically.
 */
export interface Ordered {
  id: string;
  order: string;
}

export const byOrder = (a: Ordered, b: Ordered): number =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The key that places an item at `index` among `siblings` (sorted, without the item itself). */
export function keyAtIndex(siblings: readonly Ordered[], index: number): string {
  const clamped = Math.max(0, Math.min(index, siblings.length));
  const before = siblings[clamped - 1]?.order ?? null;
  // Equal neighbouring keys (a concurrent tie) leave no room between them:
  // place the item before the next strictly greater key instead.
  const after = siblings.slice(clamped).find((s) => before === null || s.order > before)?.order ?? null;
  return generateKeyBetween(before, after);
}

export const keyAtEnd = (siblings: readonly Ordered[]): string => keyAtIndex(siblings, siblings.length);
