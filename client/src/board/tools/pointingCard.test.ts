import { describe, expect, it } from "vitest";
import { at, card, press, recordingSurface } from "./recordingSurface";

describe("pointing a card", () => {
  it("selects the card pressed, and Shift adds it or takes it out", () => {
    const { machine, selection, select } = recordingSurface();
    select(["b"]);
    machine.dispatch({ type: "pointerDown", press: press(card("a")) });
    expect(machine.getSnapshot().state).toBe("pointingCard");
    expect(machine.card).toBe("a");
    expect(selection()).toEqual(["a"]);
    machine.dispatch({ type: "pointerUp", at: at(0, 0) });
    expect(machine.getSnapshot().state).toBe("idle");
    machine.dispatch({ type: "pointerDown", press: press(card("b"), 0, 0, { shift: true }) });
    expect(selection()).toEqual(["a", "b"]);
    machine.dispatch({ type: "pointerUp", at: at(0, 0) });
    machine.dispatch({ type: "pointerDown", press: press(card("a"), 0, 0, { shift: true }) });
    expect(selection()).toEqual(["b"]);
  });

  it("becomes a drag of the card alone when Konva starts dragging it", () => {
    const { machine, selection, select } = recordingSurface();
    select(["b"]);
    machine.dispatch({ type: "pointerDown", press: press(card("a"), 0, 0, { shift: true }) });
    machine.dispatch({ type: "dragStart", target: card("a") });
    expect(machine.getSnapshot().state).toBe("draggingCard");
    expect(selection()).toEqual(["a"]);
  });

  it("a tap selects the card alone", () => {
    const { machine, selection, select } = recordingSurface();
    select(["b"]);
    machine.dispatch({ type: "tap", target: card("a"), at: at(0, 0), count: 1 });
    expect(selection()).toEqual(["a"]);
    expect(machine.getSnapshot().state).toBe("idle");
  });
});
