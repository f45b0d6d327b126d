import type * as Y from "yjs";
import {
  byOrder,
  exportBoard,
  readAll,
  readRecord,
  withoutAuthorNames,
  type BoardWorkshop,
  type RoundRecord,
} from "@journeyboard/shared";
import { actionPlanCsv, actionPlanMarkdown } from "./actionPlan";
import type { ExportFile } from "./files";
import { journeyGridCsv, journeyMermaid } from "./journeyGrid";
import { journeyPdf } from "./journeyPdf";
import { votesCsv } from "./votesCsv";

/** What an export is drawn from beside the board: its stored title, the journey asked for, and the server's workshop state. */
export interface ExportAbout {
  /** The title the board was stored with; the board's own title wins when it has one. */
  title: string;
  /** `?journey=`: the journey for a journey's exports, by default the board's first. */
  journey: string | undefined;
  workshop: BoardWorkshop;
  rounds: readonly RoundRecord[];
  /** Whether the board is anonymous: no author's name goes out, only departments. */
  anonymous: boolean;
}

/** The journey an export is for: the one asked for, by default the board's first. */
function journeyOf(board: Y.Doc, requested: string | undefined): string {
  const journeys = readAll(board, "journeys").sort(byOrder);
  return journeys.find((j) => j.id === requested)?.id ?? journeys[0]?.id ?? "";
}

const renderers: Record<ExportFile, (board: Y.Doc, about: ExportAbout) => string | Promise<Uint8Array>> = {
  "board.json": (board, { workshop, anonymous }) => {
    const file = exportBoard(board, workshop);
    return `${JSON.stringify(anonymous ? withoutAuthorNames(file) : file, null, 2)}\n`;
  },
  "votes.csv": (board, { rounds }) => votesCsv(board, rounds),
  "action-plan.csv": (board) => actionPlanCsv(board),
  "action-plan.md": (board, { title }) => actionPlanMarkdown(board, title),
  "journey.csv": (board, { journey }) => journeyGridCsv(board, journeyOf(board, journey)),
  "journey.mmd": (board, { journey, title }) => {
    const journeyId = journeyOf(board, journey);
    return journeyMermaid(board, journeyId, readRecord(board, "journeys", journeyId)?.title || title);
  },
  "journey.pdf": (board, { journey, title }) => journeyPdf(board, title, journey),
};

/** The content of one export of a board. */
export function renderExport(file: ExportFile, board: Y.Doc, about: ExportAbout): string | Promise<Uint8Array> {
  const title = board.getMap("meta").get("title");
  return renderers[file](board, typeof title === "string" && title ? { ...about, title } : about);
}
