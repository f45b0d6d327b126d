import { useTranslation } from "react-i18next";
import { PHASES, mayMoveTo, type Phase } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import { AnonymousBadge, AnonymousToggle } from "./AnonymousToggle";
import { OthersCardsToggle } from "./OthersCardsToggle";

/**
 * The workshop phase: the facilitator picks it, everyone else sees it with
 * what it lets them do. The server enforces it; changing it keeps a
 * snapshot in the board's history.
 */
export function PhaseControl({ controller, facilitator }: { controller: BoardController; facilitator: boolean }) {
  const { t } = useTranslation();
  const phase = controller.getUi().phase;
  if (!facilitator) {
    return (
      <>
        <span className={`phase phase-${phase}`} title={t(`phase.${phase}.participants`)} data-testid="phase.current">
          {t("phase.label")}: {t(`phase.${phase}.name`)}
        </span>
        <AnonymousBadge permissions={controller.permissions} />
      </>
    );
  }
  return (
    <>
      <label className="phase" title={t(`phase.${phase}.participants`)}>
        {t("phase.label")}{" "}
        <select
          value={phase}
          onChange={(event) => controller.permissions.setPhase(event.target.value as Phase)}
          data-testid="phase.select"
        >
          {PHASES.map((option) => {
            // Leaving the drafting phase reveals the drafts: only for a phase where they can be published.
            const allowed = mayMoveTo(phase, option);
            return (
              <option
                key={option}
                value={option}
                disabled={!allowed}
                title={allowed ? undefined : t("drafts.leaveFirst")}
              >
                {t(`phase.${option}.name`)}
              </option>
            );
          })}
        </select>
      </label>
      <OthersCardsToggle permissions={controller.permissions} phase={phase} />
      <AnonymousToggle permissions={controller.permissions} />
      <AnonymousBadge permissions={controller.permissions} />
    </>
  );
}
