import { useTranslation } from "react-i18next";
import { Download } from "lucide-react";
import { presetWords, type LaneRecord, type StageRecord } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import { SidePanel } from "./SidePanel";

/** Every download of the board, made by the server from the board as it is now. */
export function ExportPanel({
  controller,
  boardId,
  token,
}: {
  controller: BoardController;
  boardId: string;
  token: string;
}) {
  const { t } = useTranslation();
  const journeyId = controller.journeyId();
  /** What a stage or lane may be called in the table: its title, its name here, or in the exports' English words. */
  const namesOf = (record: StageRecord | LaneRecord): string[] => {
    const preset: string | null = record.preset ?? ("kind" in record ? String(record.kind) : null);
    const shown = preset ? t(`${"kind" in record ? "lane" : "stage"}.${preset}`) : "";
    return [record.title, shown, preset ? presetWords(preset) : ""].filter(Boolean);
  };
  const url = (file: string, journey = false) =>
    `/api/boards/${encodeURIComponent(boardId)}/export/${file}?token=${encodeURIComponent(token)}${
      journey && journeyId ? `&journey=${encodeURIComponent(journeyId)}` : ""
    }`;
  const files: Array<[string, string, boolean]> = [
    ["action-plan.csv", "exports.actionPlanCsv", false],
    ["action-plan.md", "exports.actionPlanMd", false],
    ["votes.csv", "exports.votes", false],
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
            <a className="button" href={url(file, journey)} download data-testid={`exports.${file}`}>
              <Download size={16} aria-hidden /> {t(label)}
            </a>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => controller.requestPicture()} data-testid="exports.picture">
        <Download size={16} aria-hidden />{" "}
        {t(controller.getUi().selection.size ? "exports.pictureSelection" : "exports.picture")}
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
