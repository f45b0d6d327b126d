import { ArrowLeftRight, PilcrowLeft, PilcrowRight } from "lucide-react";
import { useTranslation } from "react-i18next";
import { TEXT_DIRECTIONS, type TextDirectionSetting } from "@journeyboard/shared";

/*
 * The icons point where the text runs on the page, so they never mirror
 * with the interface (no `flip-in-rtl`): right to left is leftwards in
 * English and in Arabic alike.
 */
const ICONS = { auto: ArrowLeftRight, rtl: PilcrowLeft, ltr: PilcrowRight } as const;

/**
 * How a card's text reads: from its content, or right to left or left to
 * right whatever it starts with. Radio buttons, so the keyboard moves
 * between the three with the arrows, as in any radio group.
 */
export function TextDirectionField({
  cardId,
  value,
  disabled,
  onChange,
}: {
  cardId: string;
  value: TextDirectionSetting;
  disabled: boolean;
  onChange: (direction: TextDirectionSetting) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="text-direction" data-testid="cardPanel.textDirection">
      <legend>{t("cardPanel.textDirection")}</legend>
      <div className="segmented">
        {TEXT_DIRECTIONS.map((direction) => {
          const Icon = ICONS[direction];
          return (
            <label key={direction} className={value === direction ? "active" : ""}>
              <input
                type="radio"
                name={`text-direction-${cardId}`}
                value={direction}
                checked={value === direction}
                disabled={disabled}
                onChange={() => onChange(direction)}
                data-testid={`cardPanel.textDirection.${direction}`}
              />
              <Icon size={16} aria-hidden />
              {t(`cardPanel.textDirections.${direction}`)}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
