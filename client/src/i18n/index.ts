import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { CATALOGS, LANGUAGES, directionOf, isLanguage, type Language } from "@journeyboard/shared/i18n";
import { numbersInLanguage } from "./format";
import { initialLanguage, rememberLanguage } from "./language";

/**
 * Every word the UI shows comes from a catalog in `shared/src/i18n/`. The
 * language is the one picked on this device, else the browser's; `<html lang
 * dir>` follows it, so right-to-left languages mirror the page.
 */
void i18n
  .use(initReactI18next)
  .use(numbersInLanguage)
  .init({
    resources: Object.fromEntries(LANGUAGES.map((language) => [language, { translation: CATALOGS[language] }])),
    lng: initialLanguage(localStorage, navigator.languages),
    fallbackLng: "en",
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false, alwaysFormat: true },
  });

const applyLanguage = (language: string) => {
  document.documentElement.lang = language;
  document.documentElement.dir = isLanguage(language) ? directionOf(language) : "ltr";
};
applyLanguage(i18n.language);
i18n.on("languageChanged", applyLanguage);

/** Someone picked a language: it stays picked on this device. */
export function chooseLanguage(language: Language): void {
  rememberLanguage(localStorage, language);
  void i18n.changeLanguage(language);
}

export default i18n;
