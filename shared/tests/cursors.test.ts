import { describe, expect, it } from "vitest";
import {
  CURSOR_RATE,
  cursorIntervalMs,
  cursorsShownTo,
  type CursorHolder,
  type CursorViewer,
} from "../src/protocol/cursors";

const view = { journeyId: "j1", x: 0, y: 0, width: 100, height: 100 };
const viewer: CursorViewer = { clientId: 1, view, following: null };
const at = (clientId: number, x: number, y: number, journeyId = "j1"): CursorHolder => ({
  clientId,
  userId: `u${clientId}`,
  cursor: { x, y },
  journeyId,
});
const sorted = (ids: Set<number>) => [...ids].sort((a, b) => a - b);

describe("which cursors a viewer receives", () => {
  it("are every pointer in view, edges included, and the nearest few beyond it", () => {
    const holders = [at(2, 50, 50), at(3, 0, 100), at(4, 300, 0), at(5, 130, 50), at(6, 100, 120), at(7, -500, -500)];
    expect(sorted(cursorsShownTo(viewer, holders, null, 2))).toEqual([2, 3, 5, 6]);
    expect(sorted(cursorsShownTo(viewer, holders, null, 3))).toEqual([2, 3, 4, 5, 6]);
  });

  it("never include the viewer's own pointer, and count those without a pointer last", () => {
    const holders = [at(1, 10, 10), { ...at(2, 0, 0), cursor: null }, { ...at(3, 0, 0), cursor: undefined }];
    expect(sorted(cursorsShownTo(viewer, holders, null, 5))).toEqual([2, 3]);
    expect(sorted(cursorsShownTo(viewer, [...holders, at(4, 900, 900)], null, 1))).toEqual([4]);
  });

  it("always include the leader without a pointer: their followers show their view", () => {
    const holders = [{ ...at(2, 0, 0), cursor: null }, at(3, 50, 50)];
    expect(sorted(cursorsShownTo(viewer, holders, "u2", 0))).toEqual([2, 3]);
  });

  it("put pointers on another journey, or of someone showing none, after every one on the viewer's journey", () => {
    const holders = [at(2, 50, 50, "j2"), { ...at(3, 50, 50), journeyId: undefined }, at(4, 5000, 5000)];
    expect(sorted(cursorsShownTo(viewer, holders, null, 1))).toEqual([4]);
    expect(sorted(cursorsShownTo(viewer, holders, null, 2))).toEqual([2, 4]);
  });

  it("always include the follow-me leader and whom the viewer follows, however far", () => {
    const holders = [at(2, 50, 50), at(3, 9000, 9000), at(4, -9000, 0), at(5, 200, 0)];
    const following = { ...viewer, following: "u4" };
    expect(sorted(cursorsShownTo(following, holders, "u3", 0))).toEqual([2, 3, 4]);
    expect(sorted(cursorsShownTo(following, holders, "u3", 1))).toEqual([2, 3, 4, 5]);
  });

  it("give a viewer without a view the first few by client id, and the leader", () => {
    const holders = [at(9, 0, 0), at(4, 0, 0), at(7, 0, 0), at(2, 1e6, 1e6)];
    expect(sorted(cursorsShownTo({ clientId: 1, view: null, following: null }, holders, "u9", 2))).toEqual([2, 4, 9]);
  });

  it("are the same whatever order the pointers come in, ties going to the lower client id", () => {
    const holders = Array.from({ length: 200 }, (_, i) => at(i + 2, 200 + (i % 17) * 10, 50));
    const forwards = cursorsShownTo(viewer, holders, null, 30);
    expect(forwards.size).toBe(30);
    expect(cursorsShownTo(viewer, [...holders].reverse(), null, 30)).toEqual(forwards);
    // The 17 distances repeat every 17 pointers: the nearest 30 are the two lowest distances' ids and more.
    const nearestIds = holders.filter((holder) => holder.cursor!.x === 200).map((holder) => holder.clientId);
    for (const id of nearestIds) expect(forwards.has(id)).toBe(true);
  });
});

describe("how often a person sends their pointer", () => {
  it("is 20 a second on a small board, 4 a second from 200 people on, and slows as people come", () => {
    expect(cursorIntervalMs(1)).toBe(CURSOR_RATE.fastestMs);
    expect(cursorIntervalMs(CURSOR_RATE.fewPeople)).toBe(50);
    expect(cursorIntervalMs(CURSOR_RATE.manyPeople)).toBe(250);
    expect(cursorIntervalMs(500)).toBe(250);
    expect(cursorIntervalMs(105)).toBe(Math.round(1000 / 12));
    let before = 0;
    for (let people = 0; people <= 600; people++) {
      const interval = cursorIntervalMs(people);
      expect(interval).toBeGreaterThanOrEqual(before);
      before = interval;
    }
  });
});
