import type { Rect } from "./layout";

/**
 * Keeps last layout's box object for every card whose box did not move, so
 * memoised cards see the same props and do not redraw.
 */
export function stableBoxes(previous: Map<string, Rect>, next: Map<string, Rect>): Map<string, Rect> {
  const out = new Map<string, Rect>();
  for (const [id, box] of next) {
    const old = previous.get(id);
    out.set(
      id,
      old && old.x === box.x && old.y === box.y && old.width === box.width && old.height === box.height ? old : box,
    );
  }
  return out;
}
