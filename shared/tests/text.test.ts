import { describe, expect, it } from "vitest";
import { textDirection } from "../src/index";
import seeds from "../fixtures/seed-texts.json";

describe("text direction", () => {
  it("reads Arabic, Persian and mixed text that starts in Arabic right to left", () => {
    expect(textDirection("أبحث عن فستان صيفي")).toBe("rtl");
    expect(textDirection("۳ روز منتظر ماندم")).toBe("rtl");
    expect(textDirection("  NPS منخفض")).toBe("ltr");
    expect(textDirection("— «التطبيق» app")).toBe("rtl");
  });

  it("reads English and Polish left to right, and empty text left to right", () => {
    expect(textDirection("Czekam na kuriera, żółć")).toBe("ltr");
    expect(textDirection("")).toBe("ltr");
  });

  it("agrees with the language of the source articles", () => {
    for (const [name, lines] of Object.entries(seeds.texts)) {
      for (const line of lines) {
        const arabicScript = (line.match(/[\u0600-\u06FF]/g) ?? []).length > line.length / 4;
        expect(textDirection(line), name).toBe(arabicScript ? "rtl" : "ltr");
      }
    }
  });
});
