import ar from "./locales/ar.json";
import en from "./locales/en.json";
import fa from "./locales/fa.json";
import pl from "./locales/pl.json";

/**
 * The interface's words in every language, read by the client (through
 * i18next) and the server alike. `en` is the reference: every other catalog
 * has its keys, its placeholders, and the plural forms of its own language.
 */
export const LANGUAGES = ["en", "ar", "fa", "pl"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Catalog {
  [key: string]: string | Catalog;
}
export const CATALOGS: Record<Language, Catalog> = { en, ar, fa, pl };

/** Each language named in itself, for a picker. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  ar: "العربية",
  fa: "فارسی",
  pl: "Polski",
};

const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set(["ar", "fa"]);
export const directionOf = (language: Language): "ltr" | "rtl" => (RIGHT_TO_LEFT.has(language) ? "rtl" : "ltr");

export const isLanguage = (value: unknown): value is Language =>
  typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

/** The first of the reader's preferred languages (`navigator.languages`: "ar-EG", "pl-PL"…) that we have; English otherwise. */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

/**
 * The locale to give `Intl`: Arabic with Arabic-Indic digits (١٢٣) and
 * Persian with Persian digits (۱۲۳), whatever a runtime's default for them.
 */
export const INTL_LOCALES: Record<Language, string> = {
  en: "en",
  ar: "ar-u-nu-arab",
  fa: "fa-u-nu-arabext",
  pl: "pl",
};
