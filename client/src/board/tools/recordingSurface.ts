import type { Rect } from "../state/layout";
import { ToolMachine } from "./ToolMachine";
import type { At, Press, Target, ToolSurface } from "./types";

/** A board for the tools' tests: it records what the tools do to it, with cards at fixed boxes. */
export function recordingSurface(cards: Record<string, Rect> = {}) {
  const calls: unknown[][] = [];
  let selection: ReadonlySet<string> = new Set();
  let marquee: Rect | null = null;
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
    };
  const touches = (a: Rect, b: Rect) =>
    a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
  const board: ToolSurface = {
    selection: () => selection,
    select(id, additive) {
      calls.push(["select", id, additive]);
      const next = new Set(additive ? selection : []);
      if (additive && next.has(id)) next.delete(id);
      else next.add(id);
      selection = next;
    },
    cardsIn: (box) => Object.keys(cards).filter((id) => touches(cards[id]!, box)),
    showMarquee(box, chosen) {
      marquee = box;
      if (chosen) selection = chosen;
    },
    panBy: record("panBy"),
    dropCard: record("dropCard"),
    dropHeader: record("dropHeader"),
    resizeStage: record("resizeStage"),
    openMenu: record("openMenu"),
    startEditing(id) {
      calls.push(["startEditing", id]);
      return id !== "locked";
    },
    doubleClickAt: record("doubleClickAt"),
  };
  const machine = new ToolMachine(board);
  return {
    machine,
    calls,
    selection: () => [...selection],
    select: (ids: string[]) => (selection = new Set(ids)),
    marquee: () => marquee,
  };
}

/** A point where screen and world agree (the camera at rest). */
export const at = (x: number, y: number): At => ({ screen: { x, y }, world: { x, y } });

export const press = (target: Target, x = 0, y = 0, options: Partial<Press> = {}): Press => ({
  ...at(x, y),
  target,
  button: 0,
  shift: false,
  touch: false,
  ...options,
});

export const BACKGROUND: Target = { kind: "background" };
export const card = (id: string): Target => ({ kind: "card", id });
