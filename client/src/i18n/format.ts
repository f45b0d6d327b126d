import { useTranslation } from "react-i18next";
import type { FormatterModule } from "i18next";
import { INTL_LOCALES, directionOf, isLanguage } from "@journeyboard/shared/i18n";

/** `Intl`'s locale for a language: Arabic-Indic digits in Arabic, Persian digits in Persian. */
export const intlLocale = (language: string): string => (isLanguage(language) ? INTL_LOCALES[language] : language);

function build(language: string) {
  const locale = intlLocale(language);
  const plain = new Intl.NumberFormat(locale);
  const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const arrow = isLanguage(language) && directionOf(language) === "rtl" ? " ← " : " → ";
  return {
    number: (value: number) => plain.format(value),
    /** Minutes and seconds, "4:05"; the minutes go past 59 rather than into hours. */
    countdown: (seconds: number) => `${plain.format(Math.floor(seconds / 60))}:${twoDigits.format(seconds % 60)}`,
    dateTime: (ms: number) => dateTime.format(ms),
    /** "A, B and C" with the language's own commas and "and". */
    list: (items: string[]) => list.format(items),
    /** Steps in their order, the arrow pointing the way the language reads. */
    path: (items: string[]) => items.join(arrow),
  };
}
export type Formatters = ReturnType<typeof build>;

const built = new Map<string, Formatters>();
/** Numbers, countdowns and dates as the reader's language writes them (built once per language). */
export function formatters(language: string): Formatters {
  let found = built.get(language);
  if (!found) built.set(language, (found = build(language)));
  return found;
}

export function useFormat(): Formatters {
  return formatters(useTranslation().i18n.language);
}

const unsupported = () => {
  throw new Error("no named formats: every number in a sentence is written in its language's digits");
};

/**
 * i18next's formatter, replaced (with `alwaysFormat`) so that every number
 * a sentence takes ({{count}}, {{percent}}…) is written in the language's
 * digits without each string naming a format.
 */
export const numbersInLanguage: FormatterModule = {
  type: "formatter",
  init: () => {},
  add: unsupported,
  addCached: unsupported,
  format: (value: unknown, _format, language) =>
    typeof value === "number" && language ? formatters(language).number(value) : (value as string),
};
