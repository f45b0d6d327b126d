import { isLanguage, matchLanguage, type Language } from "@journeyboard/shared/i18n";

const KEY = "journeyboard.language";

/** The language someone picked on this device, else the first of the browser's languages we have. */
export function initialLanguage(storage: Pick<Storage, "getItem">, preferred: readonly string[]): Language {
  const picked = storage.getItem(KEY);
  return isLanguage(picked) ? picked : matchLanguage(preferred);
}

export function rememberLanguage(storage: Pick<Storage, "setItem">, language: Language): void {
  storage.setItem(KEY, language);
}
