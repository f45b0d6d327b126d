/**
 * How deep a board file may nest. A record's own fields nest a few levels
 * (an indicator is an object in a card); unknown fields are kept as they
 * are, so they get room to spare, but not the thousands of levels that
 * overflow the stack of every recursive reader after the parse (validation,
 * the Yjs encoder, JSON.stringify).
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The path to the first value nested deeper than `max` levels (e.g.
 * `records.cards.0.extra.0`), or null. Walks with its own stack, so a value
 * of any depth is checked without recursion.
 */
export function tooDeep(value: unknown, max = MAX_JSON_DEPTH): string | null {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    if (next.path.length >= max) return next.path.join(".");
    for (const [key, child] of Object.entries(next.value)) stack.push({ value: child, path: [...next.path, key] });
  }
  return null;
}
