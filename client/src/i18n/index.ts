import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { CATALOGS } from "@journeyboard/shared/i18n";

/**
 * Every word the UI shows comes from a catalog in `shared/src/i18n/`.
 * Right-to-left languages flip the page through the `dir` attribute set here.
 */
void i18n.use(initReactI18next).init({
  resources: { en: { translation: CATALOGS.en } },
  lng: "en",
  fallbackLng: "en",
  interpolation: { escapeValue: false },
});

const applyDirection = (language: string) => {
  document.documentElement.lang = language;
  document.documentElement.dir = i18n.dir(language);
};
applyDirection(i18n.language);
i18n.on("languageChanged", applyDirection);

export default i18n;
