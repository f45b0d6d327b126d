import { describe, expect, it } from "vitest";
import { paragraphLevels, visualRuns } from "../src/exports/pdf/bidi";

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
});
