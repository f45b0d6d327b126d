import { describe, expect, it } from "vitest";
import { readChoice, simpleModeOn } from "./simpleMode";

describe("simple participant mode", () => {
  it("is on for a small screen and off elsewhere while this device has chosen nothing", () => {
    expect(simpleModeOn(null, true)).toBe(true);
    expect(simpleModeOn(null, false)).toBe(false);
  });

  it("follows what this device chose, whatever the screen", () => {
    expect(simpleModeOn("off", true)).toBe(false);
    expect(simpleModeOn("on", false)).toBe(true);
  });

  it("reads anything stored but its two words as no choice", () => {
    expect(readChoice("on")).toBe("on");
    expect(readChoice("off")).toBe("off");
    expect(readChoice(null)).toBeNull();
    expect(readChoice("true")).toBeNull();
  });
});
