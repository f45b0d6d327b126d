import { useTranslation } from "react-i18next";
import { EMOTION_VALUES, type CardRecord } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";

/** This person's rating of each customer step of the stage, five large faces each; the one chosen takes it back. */
export function PhoneRating({ controller, steps }: { controller: BoardController; steps: readonly CardRecord[] }) {
  const { t } = useTranslation();
  return (
    <section className="phone-section" aria-labelledby="phone-rate-title" data-testid="phone.rate">
      <h2 id="phone-rate-title">{t("phone.rateTitle")}</h2>
      {steps.length === 0 && <p className="hint">{t("phone.noSteps")}</p>}
      <ul className="phone-cards">
        {steps.map((step) => {
          const mine = controller.model.record("ratings", `${step.id}:${controller.identity.id}`)?.value ?? null;
          return (
            <li key={step.id} data-testid="phone.step">
              <p dir="auto">{step.text || t("board.emptyCard")}</p>
              <div className="phone-rating" role="radiogroup" aria-label={t("cardPanel.yourRating")}>
                {EMOTION_VALUES.map((value) => (
                  <button
                    key={value}
                    type="button"
                    role="radio"
                    aria-checked={mine === value}
                    aria-label={t(`emotion.${value}`)}
                    className={mine === value ? "chosen" : ""}
                    onClick={() => controller.commands.rate(step.id, mine === value ? null : value)}
                    data-testid={`phone.rate.${value}`}
                  >
                    {t(`emotion.face.${value}`)}
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
