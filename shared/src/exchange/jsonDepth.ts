/**
 * How deep a board file may nest. A record's own fields nest a few levels
 * (an indicator is an object in a card); unknown fields are kept as they
 * are, so they get room to spare, but not the thousands of levels that
 * overflow the stack of every recursive reader after the parse (validation,
 * the Yjs encoder, JSON.stringify).
 */
export const MAX_JSON_DEPTH = 64;

/** An object met on the walk; it knows its parent, so a path is built only for the one too deep. */
interface Entry {
  value: object;
  key: string;
  depth: number;
  parent: Entry | null;
}

/**
 * The path to the first value nested deeper than `max` levels (e.g.
 * `records.cards.0.extra.0`), or null. Walks with its own stack, so a value
 * of any depth is checked without recursion.
 */
export function tooDeep(value: unknown, max = MAX_JSON_DEPTH): string | null {
  if (typeof value !== "object" || value === null) return null;
  const stack: Entry[] = [{ value, key: "", depth: 0, parent: null }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    if (entry.depth >= max) {
      const path: string[] = [];
      for (let at = entry; at.parent; at = at.parent) path.unshift(at.key);
      return path.join(".");
    }
    for (const key in entry.value) {
      const child: unknown = (entry.value as Record<string, unknown>)[key];
      if (typeof child === "object" && child !== null)
        stack.push({ value: child, key, depth: entry.depth + 1, parent: entry });
    }
  }
  return null;
}
