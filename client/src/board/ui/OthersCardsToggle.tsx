import { useTranslation } from "react-i18next";
import type { Phase } from "@journeyboard/shared";
import type { Permissions } from "../state/permissions";

/**
 * Whether participants may change others' cards in the phase shown, or
 * only their own: chosen per phase by those who run the workshop, and
 * enforced by the server.
 */
export function OthersCardsToggle({ permissions, phase }: { permissions: Permissions; phase: Phase }) {
  const { t } = useTranslation();
  if (!permissions.mayCommand("cards.others")) return null;
  return (
    <label className="others-cards" title={t("cards.othersHint")}>
      <input
        type="checkbox"
        checked={permissions.othersCardsOpenIn(phase)}
        onChange={(event) => permissions.setOthersCards(phase, event.target.checked)}
        data-testid="phase.othersCards"
      />
      {t("cards.othersLabel")}
    </label>
  );
}
