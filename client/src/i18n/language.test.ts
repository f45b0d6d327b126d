import { describe, expect, it } from "vitest";
import { initialLanguage, rememberLanguage } from "./language";

const storage = () => {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, v: string) => items.set(key, v) };
};

describe("the interface's language", () => {
  it("is the browser's when nobody picked one here", () => {
    expect(initialLanguage(storage(), ["ar-EG", "en"])).toBe("ar");
    expect(initialLanguage(storage(), ["de-DE"])).toBe("en");
  });

  it("is the one picked on this device, whatever the browser says", () => {
    const here = storage();
    rememberLanguage(here, "pl");
    expect(initialLanguage(here, ["ar-EG"])).toBe("pl");
  });

  it("ignores a stored value that is no language of ours", () => {
    const here = storage();
    here.setItem("journeyboard.language", "xx");
    expect(initialLanguage(here, ["fa-IR"])).toBe("fa");
  });
});
