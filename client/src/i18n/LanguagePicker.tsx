import { useTranslation } from "react-i18next";
import { Languages } from "lucide-react";
import { isLanguage } from "@journeyboard/shared/i18n";
import { chooseLanguage } from ".";
import { LanguageOptions } from "./LanguageOptions";

/** The interface's language, each named in itself; on every screen. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language" title={t("language.label")}>
      <Languages size={16} aria-hidden />
      <span className="visually-hidden">{t("language.label")}</span>
      <select
        data-testid="language.picker"
        value={i18n.language}
        onChange={(e) => isLanguage(e.target.value) && chooseLanguage(e.target.value)}
      >
        <LanguageOptions />
      </select>
    </label>
  );
}
