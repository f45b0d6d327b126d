import type * as Y from "yjs";

/** One contiguous change of a text: at `index`, remove `remove` UTF-16 units, then insert `insert`. */
export interface TextSplice {
  index: number;
  remove: number;
  insert: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The smallest single splice that turns `before` into `after` (common start
 * and end kept), never cutting a surrogate pair: what a person's edit of a
 * text field changed, so only that is written and a colleague's concurrent
 * typing elsewhere in the text survives.
 */
export function spliceBetween(before: string, after: string): TextSplice | null {
  if (before === after) return null;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (
    end < shortest - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++;
  }
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** Applies a splice to a `Y.Text`, inside the caller's transaction. */
export function applySplice(text: Y.Text, splice: TextSplice): void {
  if (splice.remove > 0) text.delete(splice.index, splice.remove);
  if (splice.insert) text.insert(splice.index, splice.insert);
}

/** Makes a `Y.Text` read `value` by the smallest splice, inside the caller's transaction. */
export function setText(text: Y.Text, value: string): void {
  const splice = spliceBetween(text.toString(), value);
  if (splice) applySplice(text, splice);
}
