import { describe, expect, it } from "vitest";
import { BACKGROUND, at, press, recordingSurface } from "./recordingSurface";

describe("panning", () => {
  it.each([
    ["a finger", { touch: true }],
    ["the middle button", { button: 1 }],
  ])("moves the view by what %s moved since the last move", (_, options) => {
    const { machine, calls, marquee } = recordingSurface();
    machine.dispatch({ type: "pointerDown", press: press(BACKGROUND, 100, 100, options) });
    expect(machine.getSnapshot().state).toBe("panning");
    machine.dispatch({ type: "pointerMove", at: at(90, 110) });
    machine.dispatch({ type: "pointerMove", at: at(80, 130) });
    machine.dispatch({ type: "pointerUp", at: at(80, 130) });
    expect(calls).toEqual([
      ["panBy", 10, -10],
      ["panBy", 10, -20],
    ]);
    expect(marquee()).toBeNull();
    expect(machine.getSnapshot().state).toBe("idle");
  });

  it("with Space held a press of the main button pans; released, it selects again", () => {
    const { machine } = recordingSurface();
    machine.dispatch({ type: "keyDown", code: "Space" });
    expect(machine.getSnapshot()).toEqual({ state: "idle", spaceHeld: true });
    machine.dispatch({ type: "pointerDown", press: press(BACKGROUND) });
    expect(machine.getSnapshot()).toEqual({ state: "panning", spaceHeld: true });
    machine.dispatch({ type: "keyUp", code: "Space" });
    expect(machine.getSnapshot()).toEqual({ state: "panning", spaceHeld: false });
    machine.dispatch({ type: "cancel" });
    machine.dispatch({ type: "pointerDown", press: press(BACKGROUND) });
    expect(machine.getSnapshot().state).toBe("marquee");
  });

  it("another button than the main or middle one does nothing", () => {
    const { machine, calls } = recordingSurface();
    machine.dispatch({ type: "pointerDown", press: press(BACKGROUND, 0, 0, { button: 2 }) });
    expect(machine.getSnapshot().state).toBe("idle");
    expect(calls).toEqual([]);
  });
});
