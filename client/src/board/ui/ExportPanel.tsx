import { useTranslation } from "react-i18next";
import { Download } from "lucide-react";
import { cellKey, namesIn, presetWords, type LaneRecord, type StageRecord } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import type { GridLabels } from "../canvas/GridLayer";
import { FONT_STACK } from "../../fonts/family";
import { journeySvg, type MeasureText, type SvgCurve, type SvgLabels } from "../exportSvg";
import { ServerDownload } from "./ServerDownload";
import { SidePanel } from "./SidePanel";

/** Every download of the board, made by the server from the board as it is now. */
export function ExportPanel({
  controller,
  boardId,
  token,
  labels,
}: {
  controller: BoardController;
  boardId: string;
  token: string;
  labels: GridLabels;
}) {
  const { t } = useTranslation();
  const journeyId = controller.journeyId();
  const exported = namesIn(controller.model.meta().locale ?? "en");
  /**
   * What a stage or lane may be called in the table: its title, its name
   * here, in the board's language (as its export wrote it), or in the words
   * older exports wrote.
   */
  const namesOf = (record: StageRecord | LaneRecord): string[] => {
    const preset: string | null = record.preset ?? ("kind" in record ? String(record.kind) : null);
    const group = "kind" in record ? "lane" : "stage";
    if (!preset) return [record.title].filter(Boolean);
    return [record.title, t(`${group}.${preset}`), exported.preset(group, preset), presetWords(preset)].filter(Boolean);
  };
  const files: Array<[string, string, boolean]> = [
    ["action-plan.csv", "exports.actionPlanCsv", false],
    ["action-plan.md", "exports.actionPlanMd", false],
    ["votes.csv", "exports.votes", false],
    ["journey.pdf", "exports.journeyPdf", true],
    ["journey.csv", "exports.journeyCsv", true],
    ["journey.mmd", "exports.journeyMermaid", true],
    ["board.json", "exports.board", false],
  ];
  return (
    <SidePanel
      title={t("exports.title")}
      onClose={() => controller.togglePanel("exports", false)}
      testId="exports.panel"
    >
      <ul className="downloads">
        {files.map(([file, label, journey]) => (
          <li key={file}>
            <ServerDownload
              controller={controller}
              boardId={boardId}
              token={token}
              file={file}
              journeyId={journey ? journeyId : null}
              testId={`exports.${file}`}
            >
              <Download size={16} aria-hidden /> {t(label)}
            </ServerDownload>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => controller.requestPicture()} data-testid="exports.picture">
        <Download size={16} aria-hidden />{" "}
        {t(controller.getUi().selection.size ? "exports.pictureSelection" : "exports.picture")}
      </button>
      <button
        type="button"
        onClick={() =>
          downloadSvg(
            controller,
            {
              ...labels,
              merged: (card) => {
                const count = controller.model.mergedIn(cellKey(card.stageId, card.laneId)).get(card.id);
                return count ? t("card.merged", { count }) : null;
              },
            },
            { disagreement: t("curve.disagreement"), scale: (value) => t(`emotion.face.${value}`) },
          )
        }
        data-testid="exports.svg"
      >
        <Download size={16} aria-hidden />{" "}
        {t(controller.getUi().selection.size ? "exports.svgSelection" : "exports.svg")}
      </button>
      <p className="hint">{t("exports.hint")}</p>
      {controller.canEdit && journeyId && (
        <section className="stack">
          <h3>{t("exports.importTitle")}</h3>
          <label>
            {t("exports.importFile")}
            <input
              type="file"
              accept="text/csv,.csv"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) void file.text().then((text) => controller.importTable(text, namesOf));
              }}
              data-testid="exports.importCsv"
            />
          </label>
        </section>
      )}
    </SidePanel>
  );
}

/** Measures text as the browser draws it, in the canvas's own font. */
function canvasMeasure(): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  return (text, size, bold) => {
    if (!context) return text.length * size * 0.55;
    context.font = `${bold ? "bold " : ""}${size}px ${FONT_STACK}`;
    return context.measureText(text).width;
  };
}

function downloadSvg(controller: BoardController, labels: SvgLabels, curveLabels: SvgCurve["labels"]) {
  const layout = controller.layout();
  const grid = controller.grid();
  const area = controller.pictureArea();
  const journeyId = controller.journeyId();
  if (!layout || !grid || !area || !journeyId) return;
  const curve = { steps: controller.model.emotionCurve(journeyId), labels: curveLabels };
  const url = URL.createObjectURL(
    new Blob([journeySvg(layout, grid, labels, curve, canvasMeasure(), area)], { type: "image/svg+xml" }),
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = "journey.svg";
  link.click();
  // The download reads the blob after this task: let it go only then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
