import { useTranslation } from "react-i18next";
import {
  BookOpenText,
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
      <div role="tablist" className="tabs">
        {journeys.map((journey) => (
          <button
            key={journey.id}
            type="button"
            role="tab"
            aria-selected={journey.id === current}
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
        {panelButton("outline", <ListTree size={16} aria-hidden className="flip-in-rtl" />)}
        {panelButton("voting", <Vote size={16} aria-hidden />)}
        {panelButton("actions", <ClipboardList size={16} aria-hidden />)}
        {panelButton("exports", <Download size={16} aria-hidden />)}
        {panelButton("history", <History size={16} aria-hidden />)}
      </div>
    </nav>
  );
}
