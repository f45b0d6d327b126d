import { describe, expect, it } from "vitest";
import { mountedSlots, type MountBudget } from "./mounting";

const budget = (mounts: number, unmounts = 0): MountBudget => ({ mounts, unmounts });

describe("mountedSlots", () => {
  it("mounts every card on screen whatever the budget", () => {
    const result = mountedSlots([0, 1, 2, 3], new Set([0, 1, 2, 3]), new Set(), budget(0));
    expect(result).toEqual({ slots: [0, 1, 2, 3], pending: false });
  });

  it("mounts cards only in the overdrawn edge as the budget allows, and says work is left", () => {
    const shared = budget(2);
    const first = mountedSlots([0, 1, 2, 3, 4], new Set([0]), new Set([0]), shared);
    expect(first).toEqual({ slots: [0, 1, 2], pending: true });
    expect(shared.mounts).toBe(0);
    // The budget is the render's, shared by its cells: the next cell gets none.
    expect(mountedSlots([7, 8], new Set(), new Set(), shared)).toEqual({ slots: [], pending: true });
  });

  it("keeps what it had and finishes in a later render", () => {
    const result = mountedSlots([0, 1, 2, 3, 4], new Set([0]), new Set([0, 1, 2]), budget(8));
    expect(result).toEqual({ slots: [0, 1, 2, 3, 4], pending: false });
  });

  it("unmounts cards no longer wanted as the budget allows, keeping the rest for later", () => {
    const result = mountedSlots([3, 4], new Set([3, 4]), new Set([0, 1, 2, 3, 4]), budget(8, 2));
    expect(result).toEqual({ slots: [2, 3, 4], pending: true });
  });
});
