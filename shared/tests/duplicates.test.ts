import { describe, expect, it } from "vitest";
import seeds from "../fixtures/seed-texts.json";
import {
  DUPLICATE_SIMILARITY,
  duplicateKey,
  duplicateSuggestions,
  foldForComparison,
  wordingSimilarity,
} from "../src/index";

const texts = seeds.texts as Record<string, string[]>;
const arabic = texts["000_ff4b48c9746bd1b4"]![0]!;
const persian = texts["003_b115a5c8d9217f69"]![2]!;
const polish = texts["004_95200addbbfa5165"]![0]!;

describe("folding wording for comparison", () => {
  it("spells the letters Arabic and Persian write two ways as one, without hamza, madda or tashkeel", () => {
    expect(foldForComparison("كيف")).toBe(foldForComparison("کیف"));
    expect(foldForComparison("رحلة")).toBe(foldForComparison("رحله"));
    expect(new Set(["أحمد", "إحمد", "آحمد", "احمد", "ٱحمد"].map(foldForComparison)).size).toBe(1);
    expect(foldForComparison("مُمكنٌ")).toBe(foldForComparison("ممكن"));
    expect(foldForComparison("مسئول")).toBe(foldForComparison("مسيول"));
    expect(foldForComparison("العـــميل")).toBe(foldForComparison("العميل"));
  });

  it("reads Arabic-Indic, Persian and Latin digits alike, drops the half-space and punctuation, and folds Polish letters", () => {
    expect(foldForComparison("٦ خطوات")).toBe(foldForComparison("6 خطوات"));
    expect(foldForComparison("۶ قدم")).toBe(foldForComparison("6 قدم"));
    expect(foldForComparison("می‌خواهم")).toBe(foldForComparison("میخواهم"));
    expect(foldForComparison("ما هي رحلة العميل ؟")).toBe("ما هی رحله العمیل");
    expect(foldForComparison(polish)).toBe("6 krokow do stworzenia efektywnej podrozy klienta");
    expect(foldForComparison("Żółta Łódź")).toBe("zolta lodz");
  });
});

describe("likely duplicates in a cell", () => {
  it("points out the same seed sentence typed on an Arabic and a Persian keyboard, with other digits and no diacritics, and not a different one", () => {
    const typedInPersian = arabic.replace(/ي/g, "ی").replace(/ك/g, "ک").replace(/ة/g, "ه").replace(/إ/g, "ا");
    const cards = [
      { id: "ar", text: arabic },
      { id: "other", text: texts["002_f107b8df06070516"]![0]! },
      { id: "fa-keys", text: typedInPersian },
      { id: "pl", text: polish },
      { id: "pl-phone", text: "6 krokow do stworzenia efektywnej podrozy klienta!" },
      { id: "pl-digits", text: polish.replace("6", "۶") },
      { id: "fa", text: persian },
      { id: "empty", text: "" },
      { id: "blank", text: " " },
    ];
    expect(wordingSimilarity(arabic, typedInPersian)).toBe(1);
    expect(wordingSimilarity(arabic, persian)).toBeLessThan(DUPLICATE_SIMILARITY);
    expect(duplicateSuggestions(cards).map((suggestion) => suggestion.ids)).toEqual([
      ["ar", "fa-keys"],
      ["pl", "pl-phone", "pl-digits"],
    ]);
  });

  it("points out wording that differs by a word's ending, and groups every card alike to one of the others", () => {
    const a = "Długie oczekiwanie na infolinii";
    const b = "Długie oczekiwanie na infolinię";
    expect(wordingSimilarity(a, b)).toBeGreaterThanOrEqual(DUPLICATE_SIMILARITY);
    expect(wordingSimilarity(a, "Klienci opuszczają marki szybciej")).toBeLessThan(0.3);
    const suggestions = duplicateSuggestions([
      { id: "1", text: a },
      { id: "2", text: "Klienci opuszczają marki szybciej" },
      { id: "3", text: b },
    ]);
    expect(suggestions).toEqual([{ ids: ["1", "3"], key: duplicateKey(["3", "1"]) }]);
  });

  it("does not suggest a group the facilitator dismissed, until a card joins it", () => {
    const cards = [
      { id: "a", text: arabic },
      { id: "b", text: arabic.replace(/ ؟/g, "؟") },
    ];
    const dismissed = new Set([duplicateKey(["a", "b"])]);
    expect(duplicateSuggestions(cards, dismissed)).toEqual([]);
    const joined = duplicateSuggestions([...cards, { id: "c", text: arabic + "!" }], dismissed);
    expect(joined.map((suggestion) => suggestion.ids)).toEqual([["a", "b", "c"]]);
  });
});
