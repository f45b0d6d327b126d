import { describe, expect, it } from "vitest";
import { movePosition } from "./textDelta";

describe("a caret when someone else changes the text", () => {
  it("moves on when text is inserted before it and stays when it is inserted at it or after it", () => {
    expect(movePosition(2, [{ retain: 1 }, { insert: "XY" }])).toBe(4);
    expect(movePosition(2, [{ retain: 2 }, { insert: "XY" }])).toBe(2);
    expect(movePosition(2, [{ retain: 3 }, { insert: "XY" }])).toBe(2);
    expect(movePosition(0, [{ insert: "X" }])).toBe(0);
  });

  it("moves back when text before it is deleted, to where the deletion began when it spans the caret", () => {
    expect(movePosition(3, [{ delete: 1 }])).toBe(2);
    expect(movePosition(3, [{ retain: 1 }, { delete: 4 }])).toBe(1);
    expect(movePosition(3, [{ retain: 3 }, { delete: 4 }])).toBe(3);
  });

  it("follows several changes at once", () => {
    expect(movePosition(5, [{ delete: 2 }, { retain: 1 }, { insert: "abc" }, { retain: 1 }, { delete: 1 }])).toBe(5);
  });
});
