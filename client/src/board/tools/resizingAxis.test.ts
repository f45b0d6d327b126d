import { describe, expect, it } from "vitest";
import { at, recordingSurface } from "./recordingSurface";

describe("resizing a stage", () => {
  const edge = { kind: "stage-edge", id: "s1", left: 200 } as const;

  it("gives the stage the width from its start to where its edge is let go", () => {
    const { machine, calls } = recordingSurface();
    machine.dispatch({ type: "dragStart", target: edge });
    expect(machine.getSnapshot().state).toBe("resizingAxis");
    machine.dispatch({ type: "pointerUp", at: at(0, 0) });
    machine.dispatch({ type: "dragEnd", target: edge, at: at(530, 20) });
    expect(calls).toEqual([["resizeStage", "s1", 330]]);
    expect(machine.getSnapshot().state).toBe("idle");
  });

  it("a double-click on the edge gives the stage its usual width, and a single one nothing", () => {
    const { machine, calls } = recordingSurface();
    machine.dispatch({ type: "click", target: edge, at: at(0, 0), count: 1 });
    machine.dispatch({ type: "click", target: edge, at: at(0, 0), count: 2 });
    expect(calls).toEqual([["resizeStage", "s1", null]]);
  });
});
