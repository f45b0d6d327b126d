import { describe, expect, it } from "vitest";
import { BACKGROUND, at, press, recordingSurface } from "./recordingSurface";

const cards = { a: { x: 10, y: 10, width: 20, height: 20 }, b: { x: 100, y: 100, width: 20, height: 20 } };

describe("marquee", () => {
  it("selects the cards the box touches as it grows and shrinks, and hides the box at the release", () => {
    const { machine, selection, select, marquee } = recordingSurface(cards);
    select(["b"]);
    machine.dispatch({ type: "pointerDown", press: press(BACKGROUND, 0, 0) });
    expect(machine.getSnapshot().state).toBe("marquee");
    expect(selection()).toEqual([]);
    machine.dispatch({ type: "pointerMove", at: at(40, 40) });
    expect(marquee()).toEqual({ x: 0, y: 0, width: 40, height: 40 });
    expect(selection()).toEqual(["a"]);
    machine.dispatch({ type: "pointerMove", at: at(-5, -5) });
    expect(marquee()).toEqual({ x: -5, y: -5, width: 5, height: 5 });
    expect(selection()).toEqual([]);
    machine.dispatch({ type: "pointerUp", at: at(-5, -5) });
    expect(marquee()).toBeNull();
    expect(machine.getSnapshot().state).toBe("idle");
  });

  it("with Shift adds what it touches to the selection before", () => {
    const { machine, selection, select } = recordingSurface(cards);
    select(["b"]);
    machine.dispatch({ type: "pointerDown", press: press(BACKGROUND, 0, 0, { shift: true }) });
    machine.dispatch({ type: "pointerMove", at: at(40, 40) });
    expect(selection().sort()).toEqual(["a", "b"]);
  });

  it("ends on a cancelled pointer, and a new press starts over", () => {
    const { machine, marquee } = recordingSurface(cards);
    machine.dispatch({ type: "pointerDown", press: press(BACKGROUND) });
    machine.dispatch({ type: "cancel" });
    expect(marquee()).toBeNull();
    machine.dispatch({ type: "pointerDown", press: press(BACKGROUND, 5, 5) });
    machine.dispatch({ type: "pointerDown", press: press(BACKGROUND, 50, 50) });
    expect(marquee()).toEqual({ x: 50, y: 50, width: 0, height: 0 });
  });
});
