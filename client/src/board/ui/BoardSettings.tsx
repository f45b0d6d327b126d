import { useTranslation } from "react-i18next";
import { TIMELINE_DIRECTIONS, type TimelineDirection } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import { LanguageOptions } from "../../i18n/LanguageOptions";

/**
 * The board's own settings, offered to whoever may change them (the
 * facilitator; the server refuses anyone else): the language its downloads
 * are written in, and which way its stages run on every view.
 */
export function BoardSettings({ controller }: { controller: BoardController }) {
  const { t } = useTranslation();
  if (!controller.may("meta")) return null;
  const meta = controller.model.meta();
  return (
    <section aria-labelledby="board-settings">
      <h3 id="board-settings">{t("settings.title")}</h3>
      <label>
        {t("settings.language")}
        <select
          value={meta.locale ?? "en"}
          onChange={(e) => controller.commands.setBoardLocale(e.target.value)}
          data-testid="settings.locale"
        >
          <LanguageOptions />
        </select>
      </label>
      <label>
        {t("settings.timeline")}
        <select
          value={meta.timelineDirection ?? "ltr"}
          onChange={(e) => controller.commands.setTimelineDirection(e.target.value as TimelineDirection)}
          data-testid="settings.timeline"
        >
          {TIMELINE_DIRECTIONS.map((direction) => (
            <option key={direction} value={direction}>
              {t(`settings.${direction}`)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
