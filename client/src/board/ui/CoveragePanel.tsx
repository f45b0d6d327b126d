import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { irritantCoverage, votedFirst } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import type { VotingModel } from "../state/VotingModel";
import { SidePanel } from "./SidePanel";

/** For each irritant of the current journey, the voted ones first with their dots: does the target journey address it yet? */
export function CoveragePanel({ controller, voting }: { controller: BoardController; voting: VotingModel }) {
  const { t } = useTranslation();
  useSyncExternalStore(voting.subscribe, voting.getVersion);
  const journeyId = controller.journeyId();
  const journey = journeyId ? controller.model.record("journeys", journeyId) : undefined;
  const currentId = journey?.twinOf ?? journeyId;
  if (!currentId) return null;
  const revealed = voting.allRounds().filter((r) => r.status === "revealed");
  const coverage = votedFirst(
    irritantCoverage(controller.doc, currentId),
    revealed.map((r) => r.tallies ?? []),
  );
  const hasTarget = controller.model.journeys().some((j) => j.twinOf === currentId);
  const isAddressed = (c: (typeof coverage)[number]) => c.addressedBy.length + c.actions.length > 0;
  const open = coverage.filter((c) => !isAddressed(c)).length;
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
        {coverage.map((item) => (
          <li
            key={item.card.id}
            className={isAddressed(item) ? "addressed" : "open"}
            data-testid="coverage.item"
            data-state={isAddressed(item) ? "addressed" : "open"}
          >
            <button type="button" className="link" onClick={() => goTo(item.card.id)} dir="auto">
              {item.card.text}
            </button>
            {item.dots !== null && (
              <span className="dots" data-testid="coverage.dots">
                {t("voting.dots", { count: item.dots })}
              </span>
            )}
            <span className="status" data-testid="coverage.status">
              {item.addressedBy.length > 0
                ? t("coverage.byTarget", { count: item.addressedBy.length })
                : item.actions.length > 0
                  ? t("coverage.onlyPlan")
                  : t("coverage.open")}
            </span>
            {item.actions.map((id) => (
              <button
                key={id}
                type="button"
                className="link small"
                onClick={() => controller.togglePanel("actions", true)}
                dir="auto"
              >
                → {t("coverage.action", { title: controller.model.record("actions", id)?.title ?? "" })}
              </button>
            ))}
            {item.addressedBy.map((id) => (
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
