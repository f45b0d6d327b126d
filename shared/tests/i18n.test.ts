import { describe, expect, it } from "vitest";
import { INTL_LOCALES, directionOf, matchLanguage } from "../src/i18n";
import { translator } from "../src/i18n/translate";

describe("matchLanguage", () => {
  it("takes the first preferred language we have, by its base", () => {
    expect(matchLanguage(["ar-EG", "en-US"])).toBe("ar");
    expect(matchLanguage(["fa-IR"])).toBe("fa");
    expect(matchLanguage(["de-DE", "pl-PL", "ar"])).toBe("pl");
    expect(matchLanguage(["PL"])).toBe("pl");
  });

  it("falls back to English", () => {
    expect(matchLanguage(["de-DE", "fr"])).toBe("en");
    expect(matchLanguage([])).toBe("en");
  });
});

describe("INTL_LOCALES", () => {
  it("writes Arabic with Arabic-Indic digits and Persian with Persian digits", () => {
    const format = (language: keyof typeof INTL_LOCALES) => new Intl.NumberFormat(INTL_LOCALES[language]).format(1234);
    expect(format("ar")).toBe("١٬٢٣٤");
    expect(format("fa")).toBe("۱٬۲۳۴");
    expect(format("pl")).toBe("1234");
    expect(format("en")).toBe("1,234");
  });

  it("sets Arabic and Persian right to left", () => {
    expect([directionOf("ar"), directionOf("fa"), directionOf("pl"), directionOf("en")]).toEqual([
      "rtl",
      "rtl",
      "ltr",
      "ltr",
    ]);
  });
});

describe("translator", () => {
  it("picks each language's plural form and fills the placeholders, as i18next does in the app", () => {
    const pl = translator("pl");
    expect([2, 5, 22].map((count) => pl("board.selectedCount", { count }))).toEqual([
      "Zaznaczono 2 karty",
      "Zaznaczono 5 kart",
      "Zaznaczono 22 karty",
    ]);
    expect(translator("ar")("export.planTitle", { title: "X" })).toBe("خطة العمل: X");
  });

  it("falls back to English, then to the key", () => {
    expect(translator("fa")("no.such.key")).toBe("no.such.key");
    expect(translator("en")("stage.purchase")).toBe("Purchase");
  });
});
