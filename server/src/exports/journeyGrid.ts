import type * as Y from "yjs";
import { boardNames, cellKey, emotionCurve, readJourneyGrid } from "@journeyboard/shared";
import { toCsv } from "./csv";

/**
 * The journey as a table: a column per lane after the stage; each stage
 * takes as many rows as its fullest cell, row i holding the i-th card of
 * every lane, so a row per customer step when steps are the fullest.
 */
export function journeyGridCsv(board: Y.Doc, journeyId: string): string {
  const names = boardNames(board);
  const grid = readJourneyGrid(board, journeyId);
  const rows: string[][] = [];
  for (const stage of grid.stages) {
    const cells = grid.lanes.map((lane) => grid.cells.get(cellKey(stage.id, lane.id)) ?? []);
    const depth = Math.max(1, ...cells.map((cards) => cards.length));
    for (let i = 0; i < depth; i++) rows.push([names.stage(stage), ...cells.map((cards) => cards[i]?.text ?? "")]);
  }
  return toCsv([names.t("export.csv.stage"), ...grid.lanes.map(names.lane)], rows);
}

/** Text Mermaid reads as-is: no line breaks, and none of the characters its journey syntax splits on. */
const mermaidText = (text: string) =>
  text
    .replace(/[\r\n:;#%]+/g, " ")
    .replace(/\s+/g, " ")
    .trim() || "-";

/**
 * The journey as Mermaid `journey` text: a section per stage, a task per
 * customer step scored 1–5 from the group's emotion median (3 when nobody
 * rated it), with the departments that rated it as actors.
 */
export function journeyMermaid(board: Y.Doc, journeyId: string, title: string): string {
  const names = boardNames(board);
  const grid = readJourneyGrid(board, journeyId);
  const curve = emotionCurve(board, journeyId);
  const lines = ["journey", `  title ${mermaidText(title)}`];
  for (const stage of grid.stages) {
    const steps = curve.filter((step) => step.stageId === stage.id);
    if (!steps.length) continue;
    lines.push(`  section ${mermaidText(names.stage(stage))}`);
    for (const step of steps) {
      const score = step.all ? Math.round(step.all.median) + 3 : 3;
      const actors =
        Object.keys(step.byDepartment)
          .map((department) => mermaidText(names.department(department)))
          .join(", ") || mermaidText(names.t("export.customer"));
      lines.push(`    ${mermaidText(step.card.text)}: ${score}: ${actors}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
