import i18n from "i18next";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@journeyboard/shared/i18n";
import { formatters, numbersInLanguage } from "./format";

describe("formatters", () => {
  it("write numbers in each language's digits", () => {
    expect(["en", "ar", "fa", "pl"].map((l) => formatters(l).number(12345))).toEqual([
      "12,345",
      "١٢٬٣٤٥",
      "۱۲٬۳۴۵",
      "12\u00a0345", // a no-break space
    ]);
  });

  it("count down in minutes and two-digit seconds, minutes past the hour included", () => {
    expect(formatters("en").countdown(245)).toBe("4:05");
    expect(formatters("en").countdown(3725)).toBe("62:05");
    expect(formatters("ar").countdown(245)).toBe("٤:٠٥");
    expect(formatters("fa").countdown(9)).toBe("۰:۰۹");
  });

  it("date with the language's digits", () => {
    expect(formatters("fa").dateTime(Date.UTC(2026, 11, 1, 12))).toMatch(/۲۰۲۶|۱۴۰۵/);
    expect(formatters("ar").dateTime(Date.UTC(2026, 11, 1, 12))).toMatch(/٢٠٢٦/);
  });

  it("list and chain words as each language does", () => {
    expect(formatters("en").list(["Awareness", "Purchase", "Loyalty"])).toBe("Awareness, Purchase, and Loyalty");
    const persian = formatters("fa").list(["آگاهی", "خرید", "وفاداری"]);
    expect(persian).toMatch(/^آگاهی،/);
    expect(persian).toMatch(/ و وفاداری$/);
    expect(formatters("ar").path(["الوعي", "الشراء"])).toBe("الوعي ← الشراء");
    expect(formatters("pl").path(["Świadomość", "Zakup"])).toBe("Świadomość → Zakup");
  });
});

describe("sentences", () => {
  it("put their numbers in the language's digits and pick the language's plural form", async () => {
    const t = await i18n
      .createInstance()
      .use(numbersInLanguage)
      .init({
        resources: { ar: { translation: CATALOGS.ar }, pl: { translation: CATALOGS.pl } },
        lng: "ar",
        interpolation: { escapeValue: false, alwaysFormat: true },
      });
    expect(t("voting.dots", { count: 2 })).toBe("نقطتان");
    expect(t("voting.dots", { count: 7 })).toBe("٧ نقاط");
    expect(t("voting.dots", { count: 11 })).toBe("١١ نقطة");
    expect(t("toolbar.zoom", { percent: 150 })).toBe("١٥٠٪");
    expect(t("board.selectedCount", { count: 3, lng: "pl" })).toBe("Zaznaczono 3 karty");
    expect(t("board.selectedCount", { count: 5, lng: "pl" })).toBe("Zaznaczono 5 kart");
    expect(t("board.selectedCount", { count: 22, lng: "pl" })).toBe("Zaznaczono 22 karty");
  });
});
