import type * as Y from "yjs";
import {
  actionsInOrder,
  departmentName,
  horizonName,
  quadrantName,
  quadrantOf,
  readRecord,
  statusName,
  type ActionRecord,
} from "@journeyboard/shared";
import { toCsv } from "./csv";
import { stageName } from "./journeyGrid";
import { escapeMarkdown } from "./markdown";

export const ACTION_PLAN_HEADER = [
  "priority",
  "action",
  "description",
  "kind",
  "owner",
  "impact",
  "effort",
  "horizon",
  "status",
  "dots",
  "addresses",
  "stages",
] as const;

export interface PlanRow {
  action: ActionRecord;
  cards: string[];
  stages: string[];
}

/** The plan in priority order, with the text of the cards each action addresses and their stages. */
export function planRows(board: Y.Doc): PlanRow[] {
  return actionsInOrder(board).map((action) => {
    const cards = action.cardIds.map((id) => readRecord(board, "cards", id)).filter((c) => c !== undefined);
    const stages = [
      ...new Set(
        cards.map((card) => {
          const stage = readRecord(board, "stages", card.stageId);
          return stage ? stageName(stage) : "";
        }),
      ),
    ].filter(Boolean);
    return { action, cards: cards.map((c) => c.text), stages };
  });
}

/** The plan in priority order, a row per action. */
export function actionPlanCsv(board: Y.Doc): string {
  return toCsv(
    ACTION_PLAN_HEADER,
    planRows(board).map(({ action, cards, stages }, index) => [
      index + 1,
      action.title,
      action.description,
      quadrantName(quadrantOf(action)),
      departmentName(action.ownerDepartment ?? ""),
      action.impact,
      action.effort,
      horizonName(action.horizon),
      statusName(action.status),
      action.dots,
      cards.join("; "),
      stages.join("; "),
    ]),
  );
}

/** The plan as a Markdown document: a summary table, then each action; every piece of user text escaped. */
export function actionPlanMarkdown(board: Y.Doc, title: string): string {
  const rows = planRows(board);
  const lines = [
    `# Action plan: ${escapeMarkdown(title)}`,
    "",
    "| # | Action | Kind | Owner | Impact | Effort | Horizon | Status | Dots |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      ({ action }, i) =>
        `| ${i + 1} | ${escapeMarkdown(action.title)} | ${quadrantName(quadrantOf(action))} | ${escapeMarkdown(departmentName(action.ownerDepartment ?? ""))} | ${action.impact} | ${action.effort} | ${horizonName(action.horizon)} | ${statusName(action.status)} | ${action.dots} |`,
    ),
  ];
  const sections = rows.map(({ action, cards, stages }, i) =>
    [
      `## ${i + 1}\\. ${escapeMarkdown(action.title)}`,
      action.description ? escapeMarkdown(action.description) : null,
      cards.length ? `Addresses: ${cards.map(escapeMarkdown).join("; ")}` : null,
      stages.length ? `Stages: ${stages.map(escapeMarkdown).join("; ")}` : null,
    ]
      .filter((part) => part !== null)
      .join("\n\n"),
  );
  return `${[lines.join("\n"), ...sections].join("\n\n")}\n`;
}
