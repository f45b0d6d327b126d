import { LANGUAGES, LANGUAGE_NAMES, directionOf } from "@journeyboard/shared/i18n";

/** The four languages as a select's options, each named in itself and set in its own direction. */
export function LanguageOptions() {
  return LANGUAGES.map((language) => (
    <option key={language} value={language} lang={language} dir={directionOf(language)}>
      {LANGUAGE_NAMES[language]}
    </option>
  ));
}
