import { useTranslation } from "react-i18next";
import { irritantCoverage } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import { SidePanel } from "./SidePanel";

/** For each irritant of the current journey: does the target journey address it yet? */
export function CoveragePanel({ controller }: { controller: BoardController }) {
  const { t } = useTranslation();
  const journeyId = controller.journeyId();
  const journey = journeyId ? controller.model.record("journeys", journeyId) : undefined;
  const currentId = journey?.twinOf ?? journeyId;
  if (!currentId) return null;
  const coverage = irritantCoverage(controller.doc, currentId);
  const hasTarget = controller.model.journeys().some((j) => j.twinOf === currentId);
  const open = coverage.filter((c) => c.addressedBy.length === 0).length;
  const goTo = (cardId: string) => {
    const card = controller.model.record("cards", cardId);
    if (!card) return;
    if (card.journeyId !== controller.journeyId()) controller.showJourney(card.journeyId);
    controller.focusCards([cardId]);
  };
  return (
    <SidePanel
      title={t("panels.coverage")}
      onClose={() => controller.togglePanel("coverage", false)}
      testId="coverage.panel"
    >
      <p className="hint">{hasTarget ? t("coverage.intro") : t("coverage.noTarget")}</p>
      {coverage.length > 0 && (
        <p data-testid="coverage.summary">{t("coverage.summary", { open, count: coverage.length })}</p>
      )}
      <ul className="coverage">
        {coverage.map(({ card, addressedBy }) => (
          <li
            key={card.id}
            className={addressedBy.length ? "addressed" : "open"}
            data-testid="coverage.item"
            data-state={addressedBy.length ? "addressed" : "open"}
          >
            <button type="button" className="link" onClick={() => goTo(card.id)} dir="auto">
              {card.text}
            </button>
            <span className="status">
              {addressedBy.length ? t("coverage.addressed", { count: addressedBy.length }) : t("coverage.open")}
            </span>
            {addressedBy.map((id) => (
              <button key={id} type="button" className="link small" onClick={() => goTo(id)} dir="auto">
                → {controller.model.record("cards", id)?.text}
              </button>
            ))}
          </li>
        ))}
      </ul>
    </SidePanel>
  );
}
