import { describe, expect, it } from "vitest";
import { at, card, press, recordingSurface } from "./recordingSurface";

describe("dragging a card", () => {
  it("drops the card where Konva's drag ends, not at the pointer's release before it", () => {
    const { machine, calls } = recordingSurface();
    machine.dispatch({ type: "pointerDown", press: press(card("a")) });
    machine.dispatch({ type: "dragStart", target: card("a") });
    machine.dispatch({ type: "pointerUp", at: at(300, 200) });
    expect(machine.getSnapshot().state).toBe("draggingCard");
    machine.dispatch({ type: "dragEnd", target: card("a"), at: at(300, 200) });
    expect(calls).toEqual([
      ["select", "a", false],
      ["select", "a", false],
      ["dropCard", "a", { x: 300, y: 200 }],
    ]);
    expect(machine.getSnapshot().state).toBe("idle");
  });

  it("a finger's drag, begun with no press reported, selects the card and drops it", () => {
    const { machine, calls } = recordingSurface();
    machine.dispatch({ type: "dragStart", target: card("a") });
    machine.dispatch({ type: "pointerDown", press: press(card("b")) });
    machine.dispatch({ type: "dragEnd", target: card("a"), at: at(5, 6) });
    expect(calls).toEqual([
      ["select", "a", false],
      ["dropCard", "a", { x: 5, y: 6 }],
    ]);
  });

  it("ends without a move when the stage knew no pointer position", () => {
    const { machine, calls } = recordingSurface();
    machine.dispatch({ type: "dragStart", target: card("a") });
    machine.dispatch({ type: "dragEnd", target: card("a"), at: null });
    expect(calls).toEqual([["select", "a", false]]);
    expect(machine.getSnapshot().state).toBe("idle");
  });
});
