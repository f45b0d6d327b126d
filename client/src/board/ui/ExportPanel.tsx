import { useTranslation } from "react-i18next";
import { Download } from "lucide-react";
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
      <p className="hint">{t("exports.hint")}</p>
    </SidePanel>
  );
}
