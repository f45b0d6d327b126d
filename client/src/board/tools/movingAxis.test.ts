import { describe, expect, it } from "vitest";
import { at, recordingSurface } from "./recordingSurface";

describe("moving a stage or lane", () => {
  it("drops the header where its drag ends", () => {
    const { machine, calls } = recordingSurface();
    const target = { kind: "header", axis: "lane", id: "l1" } as const;
    machine.dispatch({ type: "dragStart", target });
    expect(machine.getSnapshot().state).toBe("movingAxis");
    machine.dispatch({ type: "dragEnd", target: { kind: "header", axis: "lane", id: "other" }, at: at(1, 1) });
    machine.dispatch({ type: "dragEnd", target, at: at(40, 250) });
    expect(calls).toEqual([["dropHeader", "lane", "l1", { x: 40, y: 250 }]]);
    expect(machine.getSnapshot().state).toBe("idle");
  });

  it("a click or a tap on a header opens its menu at the pointer", () => {
    const { machine, calls } = recordingSurface();
    const target = { kind: "header", axis: "stage", id: "s1" } as const;
    machine.dispatch({ type: "click", target, at: at(7, 8), count: 1 });
    machine.dispatch({ type: "tap", target, at: at(9, 10), count: 1 });
    expect(calls).toEqual([
      ["openMenu", "stage", "s1", { x: 7, y: 8 }],
      ["openMenu", "stage", "s1", { x: 9, y: 10 }],
    ]);
  });
});
