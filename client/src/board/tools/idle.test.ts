import { describe, expect, it } from "vitest";
import { BACKGROUND, at, press, recordingSurface } from "./recordingSurface";

describe("idle", () => {
  it("a double-click elsewhere than on a card or edge goes to the board at the pointer", () => {
    const { machine, calls } = recordingSurface();
    machine.dispatch({ type: "click", target: BACKGROUND, at: at(1, 2), count: 1 });
    machine.dispatch({ type: "click", target: BACKGROUND, at: at(1, 2), count: 2 });
    machine.dispatch({ type: "click", target: { kind: "other" }, at: at(3, 4), count: 2 });
    expect(calls).toEqual([
      ["doubleClickAt", { x: 1, y: 2 }],
      ["doubleClickAt", { x: 3, y: 4 }],
    ]);
  });

  it("a press on what answers the pointer itself (a header, an edge, an add slot) starts nothing", () => {
    const { machine, calls } = recordingSurface();
    machine.dispatch({ type: "pointerDown", press: press({ kind: "header", axis: "stage", id: "s" }) });
    machine.dispatch({ type: "pointerDown", press: press({ kind: "stage-edge", id: "s", left: 0 }) });
    machine.dispatch({ type: "pointerDown", press: press({ kind: "other" }) });
    expect(machine.getSnapshot().state).toBe("idle");
    expect(machine.tracking).toBe(false);
    expect(calls).toEqual([]);
  });

  it("tells its listeners when the state or Space changes, and only then", () => {
    const { machine } = recordingSurface();
    let told = 0;
    machine.subscribe(() => (told += 1));
    machine.dispatch({ type: "pointerMove", at: at(0, 0) });
    machine.dispatch({ type: "keyDown", code: "KeyA" });
    expect(told).toBe(0);
    machine.dispatch({ type: "pointerDown", press: press(BACKGROUND) });
    expect(machine.tracking).toBe(true);
    machine.dispatch({ type: "keyDown", code: "Space" });
    machine.dispatch({ type: "keyDown", code: "Space" });
    expect(told).toBe(2);
  });
});
