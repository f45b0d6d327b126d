import { useTranslation } from "react-i18next";
import { matrixKey, touchpointMatrix } from "@journeyboard/shared";
import { useFormat } from "../../i18n/format";
import type { BoardController } from "../BoardController";
import type { GridLabels } from "../canvas/GridLayer";
import { SidePanel } from "./SidePanel";

/** Channel × stage, from the touchpoint cards; empty cells are missing touchpoints; a cell shows its cards on the canvas. */
export function TouchpointPanel({
  controller,
  labels,
  channelLabel,
}: {
  controller: BoardController;
  labels: GridLabels;
  channelLabel: (channel: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const journeyId = controller.journeyId();
  if (!journeyId) return null;
  const matrix = touchpointMatrix(controller.doc, journeyId);
  return (
    <SidePanel
      title={t("panels.touchpoints")}
      onClose={() => controller.togglePanel("touchpoints", false)}
      testId="touchpoints.panel"
      wide
    >
      <p className="hint">{t("touchpoints.intro")}</p>
      {matrix.channels.length === 0 ? (
        <p className="hint">{t("touchpoints.none")}</p>
      ) : (
        <div className="touchpoint-matrix-scroll">
          <table className="touchpoint-matrix" data-testid="touchpoints.matrix">
            <thead>
              <tr>
                <th scope="col">{t("touchpoints.channel")}</th>
                {matrix.stages.map((stage) => (
                  <th
                    key={stage.id}
                    scope="col"
                    className={matrix.stagesWithoutTouchpoint.has(stage.id) ? "missing" : ""}
                  >
                    {labels.stage(stage.id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.channels.map((channel) => (
                <tr key={channel ?? ""}>
                  <th scope="row">{channel === null ? t("touchpoints.noChannel") : channelLabel(channel)}</th>
                  {matrix.stages.map((stage) => {
                    const ids = matrix.cells.get(matrixKey(channel, stage.id)) ?? [];
                    return (
                      <td key={stage.id} className={ids.length ? "" : "missing"}>
                        {ids.length ? (
                          <button
                            type="button"
                            onClick={() => controller.focusCards(ids)}
                            aria-label={t("touchpoints.show", { count: ids.length })}
                            data-testid="touchpoints.cell"
                          >
                            {ids.length}
                          </button>
                        ) : (
                          <span className="visually-hidden">{t("touchpoints.missing")}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {matrix.stagesWithoutTouchpoint.size > 0 && (
        <p className="alert" data-testid="touchpoints.missingStages">
          {t("touchpoints.stagesWithout", {
            stages: format.list([...matrix.stagesWithoutTouchpoint].map((id) => labels.stage(id))),
          })}
        </p>
      )}
    </SidePanel>
  );
}
