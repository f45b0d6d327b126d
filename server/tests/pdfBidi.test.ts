import { describe, expect, it } from "vitest";
import { mirroredReverse, paragraphLevels, visualRuns } from "../src/exports/pdf/bidi";
import { isolate } from "../src/exports/pdf/typeset";

const runs = (text: string, rtl: boolean) =>
  visualRuns(text, paragraphLevels(text, rtl), 0, text.length).map((run) => [run.text, run.rtl]);

describe("PDF text order (Unicode bidirectional algorithm)", () => {
  it("keeps a left-to-right line as one run", () => {
    expect(runs("Zażółć gęślą jaźń", false)).toEqual([["Zażółć gęślą jaźń", false]]);
  });

  it("sets numbers and Latin words inside Arabic in their place, read from the right", () => {
    expect(runs("رحلة العميل 2024 Journey", true)).toEqual([
      ["Journey", false],
      [" ", true],
      ["2024", false],
      ["رحلة العميل ", true],
    ]);
  });

  it("keeps an Arabic phrase inside an English line as one right-to-left run", () => {
    expect(runs("Step: رحلة العميل now", false)).toEqual([
      ["Step: ", false],
      ["رحلة العميل", true],
      [" now", false],
    ]);
  });

  it("sets an isolated Arabic title in its own direction inside an English line", () => {
    const line = `Current state · ${isolate("رحلة العميل – Zakupy")}`;
    const visual = runs(line, false)
      .map(([text]) => String(text).replace(/[\u2066-\u2069]/g, ""))
      .filter((text) => text.trim());
    expect(visual).toEqual(["Current state · ", "Zakupy", "رحلة العميل – "]);
  });

  it("keeps emoji inside Arabic in its right-to-left run, in reading order from the right", () => {
    expect(runs("العميل 🙂🎉 المركز", true)).toEqual([["العميل 🙂🎉 المركز", true]]);
    expect(mirroredReverse("🙂👍🏽(")).toBe(")👍🏽🙂");
  });
});
