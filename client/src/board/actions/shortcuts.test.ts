import { describe, expect, it } from "vitest";
import { ACTIONS } from "./registry";
import { actionFor, formatShortcut, keyPressed, matches, type KeyPress } from "./shortcuts";

const press = (p: Partial<KeyPress>): KeyPress => ({
  key: "",
  code: "",
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...p,
});

describe("keyboard shortcuts", () => {
  it("gives no two actions the same shortcut", () => {
    const seen = new Map<string, string>();
    for (const action of ACTIONS) {
      for (const s of action.shortcuts) {
        const id = `${s.mod ? "mod+" : ""}${s.shift ? "shift+" : ""}${s.key.toLowerCase()}`;
        expect(seen.get(id), `${id} is used twice`).toBeUndefined();
        seen.set(id, action.id);
      }
    }
  });

  it("finds undo and redo with Ctrl or Cmd, and redo only with Shift", () => {
    expect(actionFor(ACTIONS, press({ key: "z", code: "KeyZ", ctrlKey: true }))?.id).toBe("undo");
    expect(actionFor(ACTIONS, press({ key: "z", code: "KeyZ", metaKey: true }))?.id).toBe("undo");
    expect(actionFor(ACTIONS, press({ key: "Z", code: "KeyZ", ctrlKey: true, shiftKey: true }))?.id).toBe("redo");
    expect(actionFor(ACTIONS, press({ key: "z", code: "KeyZ" }))).toBeUndefined();
  });

  it("matches letters by physical key on an Arabic keyboard layout", () => {
    expect(actionFor(ACTIONS, press({ key: "ئ", code: "KeyZ", ctrlKey: true }))?.id).toBe("undo");
    expect(matches(press({ key: "ى", code: "KeyN" }), { key: "n" })).toBe(true);
  });

  it("matches Shift+1 as zoom to fit whatever the layout prints for it", () => {
    expect(actionFor(ACTIONS, press({ key: "!", code: "Digit1", shiftKey: true }))?.id).toBe("zoomToFit");
  });

  it("formats shortcuts for the help panel", () => {
    expect(formatShortcut({ key: "z", mod: true, shift: true }, false)).toBe("Ctrl+Shift+Z");
    expect(formatShortcut({ key: "z", mod: true }, true)).toBe("⌘+Z");
  });

  it("rates a step by its digit on any layout, and the arrows move the keyboard, with Shift the card, on the canvas only", () => {
    const arabicThree = press({ key: "٣", code: "Digit3" });
    const rate = actionFor(ACTIONS, arabicThree)!;
    expect(rate.id).toBe("rateCard");
    expect(keyPressed(rate, arabicThree)).toBe("3");
    expect(actionFor(ACTIONS, press({ key: "ArrowLeft" }))?.id).toBe("focusCard");
    expect(actionFor(ACTIONS, press({ key: "ل", code: "KeyG" }))?.id).toBe("clusterMenu");
    expect(actionFor(ACTIONS, press({ key: "ArrowLeft", shiftKey: true }))?.id).toBe("moveCard");
    const onCanvas = ACTIONS.filter((action) => action.onCanvas).map((action) => action.id);
    expect(onCanvas.sort()).toEqual([
      "clusterMenu",
      "editCard",
      "focusCard",
      "focusKeepSelection",
      "laneMenu",
      "moveCard",
      "rateCard",
      "stageMenu",
      "toggleInSelection",
    ]);
  });

  it("chooses several cards: Ctrl or Cmd with an arrow goes on without selecting, Shift+Space or Ctrl+Space adds or takes out", () => {
    expect(actionFor(ACTIONS, press({ key: "ArrowDown", ctrlKey: true }))?.id).toBe("focusKeepSelection");
    expect(actionFor(ACTIONS, press({ key: "ArrowDown", metaKey: true }))?.id).toBe("focusKeepSelection");
    expect(actionFor(ACTIONS, press({ key: " ", code: "Space", shiftKey: true }))?.id).toBe("toggleInSelection");
    expect(actionFor(ACTIONS, press({ key: " ", code: "Space", ctrlKey: true }))?.id).toBe("toggleInSelection");
    expect(actionFor(ACTIONS, press({ key: " ", code: "Space" }))).toBeUndefined();
    expect(formatShortcut({ key: " ", shift: true }, false)).toBe("Shift+Space");
  });
});
