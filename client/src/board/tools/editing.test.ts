import { describe, expect, it } from "vitest";
import { BACKGROUND, at, card, press, recordingSurface } from "./recordingSurface";

describe("editing", () => {
  it("a double-click or a double tap on a card edits it, when this person may", () => {
    const { machine, calls } = recordingSurface();
    machine.dispatch({ type: "click", target: card("a"), at: at(0, 0), count: 1 });
    expect(machine.getSnapshot().state).toBe("idle");
    machine.dispatch({ type: "click", target: card("a"), at: at(0, 0), count: 2 });
    expect(machine.getSnapshot().state).toBe("editing");
    expect(machine.card).toBe("a");
    machine.dispatch({ type: "tap", target: card("locked"), at: at(0, 0), count: 2 });
    expect(machine.getSnapshot().state).toBe("idle");
    expect(calls).toEqual([
      ["startEditing", "a"],
      ["startEditing", "locked"],
    ]);
  });

  it("a press on the board while editing is handled from idle", () => {
    const { machine, marquee } = recordingSurface();
    machine.dispatch({ type: "click", target: card("a"), at: at(0, 0), count: 2 });
    machine.dispatch({ type: "pointerMove", at: at(3, 3) });
    expect(machine.getSnapshot().state).toBe("editing");
    machine.dispatch({ type: "pointerDown", press: press(BACKGROUND, 4, 4) });
    expect(machine.getSnapshot().state).toBe("marquee");
    expect(marquee()).toEqual({ x: 4, y: 4, width: 0, height: 0 });
  });
});
