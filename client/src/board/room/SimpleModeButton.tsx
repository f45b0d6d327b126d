import { useTranslation } from "react-i18next";
import { useSimpleMode } from "./simpleMode";

/** On the full board, a participant's way to the simple mode (this device remembers it). */
export function SimpleModeButton() {
  const { t } = useTranslation();
  const [, chooseSimple] = useSimpleMode();
  return (
    <button
      type="button"
      onClick={() => chooseSimple(true)}
      title={t("phone.simpleModeHint")}
      data-testid="board.simpleMode"
    >
      {t("phone.simpleMode")}
    </button>
  );
}
