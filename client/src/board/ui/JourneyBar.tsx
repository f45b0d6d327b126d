import { useTranslation } from "react-i18next";
import {
  BookOpenText,
  CopyCheck,
  ClipboardList,
  Download,
  Grid3x3,
  History,
  ListTree,
  Plus,
  Target,
  Users,
  Vote,
} from "lucide-react";
import type { KeyboardEvent } from "react";
import type { JourneyRecord } from "@journeyboard/shared";
import type { BoardController, Panel } from "../BoardController";
import { useUi } from "../useBoard";

/** Tabs for the board's journeys, and the buttons of the side panels. */
export function JourneyBar({
  controller,
  journeys,
  titleOf,
}: {
  controller: BoardController;
  journeys: JourneyRecord[];
  titleOf: (j: JourneyRecord) => string;
}) {
  const { t } = useTranslation();
  const ui = useUi(controller);
  const current = controller.journeyId();
  // A tab list is one stop of the Tab key: arrows go from tab to tab (the way the page reads), Home and End to
  // the first and last, and the tab reached is shown.
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = journeys.findIndex((j) => j.id === current);
    const forward = document.documentElement.dir === "rtl" ? "ArrowLeft" : "ArrowRight";
    const backward = forward === "ArrowLeft" ? "ArrowRight" : "ArrowLeft";
    const to =
      event.key === forward
        ? (at + 1) % journeys.length
        : event.key === backward
          ? (at - 1 + journeys.length) % journeys.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? journeys.length - 1
              : null;
    const next = to === null ? undefined : journeys[to];
    if (to === null || !next) return;
    event.preventDefault();
    controller.showJourney(next.id);
    event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')[to]?.focus();
  };
  const panelButton = (panel: Panel, icon: React.ReactNode) => (
    <button
      type="button"
      className={ui.panel === panel ? "active" : ""}
      aria-pressed={ui.panel === panel}
      onClick={() => controller.togglePanel(panel)}
      data-testid={`panel.${panel}`}
    >
      {icon} {t(`panels.${panel}`)}
    </button>
  );
  return (
    <nav className="journey-bar" aria-label={t("journeys.label")}>
      <div role="tablist" className="tabs" aria-label={t("journeys.tabs")} onKeyDown={onTabKey}>
        {journeys.map((journey) => (
          <button
            key={journey.id}
            type="button"
            role="tab"
            aria-selected={journey.id === current}
            tabIndex={journey.id === current ? 0 : -1}
            className={journey.id === current ? "tab active" : "tab"}
            onClick={() => controller.showJourney(journey.id)}
            data-testid="journey.tab"
            dir="auto"
          >
            {journey.twinOf && <Target size={14} aria-hidden />} {titleOf(journey)}
          </button>
        ))}
      </div>
      {/* Beside the tabs, not among them: a tab list holds tabs only. */}
      <button
        type="button"
        className="tab add"
        onClick={() => controller.togglePanel("journeys", true)}
        aria-label={t("journeys.add")}
        data-testid="journey.add"
      >
        <Plus size={16} aria-hidden />
      </button>
      <div className="panel-buttons" data-testid="journey.panelButtons">
        {panelButton("personas", <Users size={16} aria-hidden />)}
        {panelButton("touchpoints", <Grid3x3 size={16} aria-hidden />)}
        {panelButton("coverage", <BookOpenText size={16} aria-hidden />)}
        {controller.permissions.runsWorkshop && panelButton("duplicates", <CopyCheck size={16} aria-hidden />)}
        {panelButton("outline", <ListTree size={16} aria-hidden className="flip-in-rtl" />)}
        {panelButton("voting", <Vote size={16} aria-hidden />)}
        {panelButton("actions", <ClipboardList size={16} aria-hidden />)}
        {panelButton("exports", <Download size={16} aria-hidden />)}
        {panelButton("history", <History size={16} aria-hidden />)}
      </div>
    </nav>
  );
}
