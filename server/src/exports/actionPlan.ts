import type * as Y from "yjs";
import { actionsInOrder, boardNames, quadrantOf, readRecord, type ActionRecord } from "@journeyboard/shared";
import { toCsv } from "./csv";
import { escapeMarkdown } from "./markdown";

/** Catalog keys (`export.csv.*`) of the columns. */
const HEADER = [
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
  const names = boardNames(board);
  return actionsInOrder(board).map((action) => {
    const cards = action.cardIds.map((id) => readRecord(board, "cards", id)).filter((c) => c !== undefined);
    const stages = [
      ...new Set(
        cards.map((card) => {
          const stage = readRecord(board, "stages", card.stageId);
          return stage ? names.stage(stage) : "";
        }),
      ),
    ].filter(Boolean);
    return { action, cards: cards.map((c) => c.text), stages };
  });
}

/** The plan in priority order, a row per action. */
export function actionPlanCsv(board: Y.Doc): string {
  const names = boardNames(board);
  return toCsv(
    HEADER.map((key) => names.t(`export.csv.${key}`)),
    planRows(board).map(({ action, cards, stages }, index) => [
      index + 1,
      action.title,
      action.description,
      names.quadrant(quadrantOf(action)),
      names.department(action.ownerDepartment ?? ""),
      action.impact,
      action.effort,
      names.horizon(action.horizon),
      names.status(action.status),
      action.dots,
      cards.join("; "),
      stages.join("; "),
    ]),
  );
}

/** The plan as a Markdown document: a summary table, then each action; every piece of user text escaped. */
export function actionPlanMarkdown(board: Y.Doc, title: string): string {
  const { t, ...names } = boardNames(board);
  const rows = planRows(board);
  const columns = [
    t("export.rank"),
    ...["title", "quadrant", "owner", "impact", "effort", "horizon", "status"].map((f) => t(`plan.field.${f}`)),
    t("export.dots"),
  ];
  const lines = [
    `# ${t("export.planTitle", { title: escapeMarkdown(title) })}`,
    "",
    `| ${columns.join(" | ")} |`,
    `|${columns.map(() => "---").join("|")}|`,
    ...rows.map(
      ({ action }, i) =>
        `| ${i + 1} | ${escapeMarkdown(action.title)} | ${names.quadrant(quadrantOf(action))} | ${escapeMarkdown(names.department(action.ownerDepartment ?? ""))} | ${action.impact} | ${action.effort} | ${names.horizon(action.horizon)} | ${names.status(action.status)} | ${action.dots} |`,
    ),
  ];
  const sections = rows.map(({ action, cards, stages }, i) =>
    [
      `## ${i + 1}\\. ${escapeMarkdown(action.title)}`,
      action.description ? escapeMarkdown(action.description) : null,
      cards.length ? t("export.addressesLine", { cards: cards.map(escapeMarkdown).join("; ") }) : null,
      stages.length ? t("export.stagesLine", { stages: stages.map(escapeMarkdown).join("; ") }) : null,
    ]
      .filter((part) => part !== null)
      .join("\n\n"),
  );
  return `${[lines.join("\n"), ...sections].join("\n\n")}\n`;
}
