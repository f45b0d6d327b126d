import type * as Y from "yjs";
import { LIMITS } from "../model/limits";
import type { Origin } from "../origins";
import type { LaneRecord } from "../schema/lane";
import type { StageRecord } from "../schema/stage";
import { DomainError } from "../schema/layout";
import { lanesOf, stagesOf } from "../read/grid";
import { addCardsAtEnd } from "../ops/cards";
import { restoreCell } from "./csvCells";
import { LANGUAGES } from "../i18n/index";
import { translator } from "../i18n/translate";

/** The most rows one import adds. */
export const MAX_IMPORTED_ROWS = 2000;

/** Why a table was refused: the client words it in the reader's language (`notice.gridRefused.<problem>`). */
export const GRID_PROBLEMS = [
  "notCsv",
  "readOnly",
  "firstColumn",
  "tooManyRows",
  "noLane",
  "noStage",
  "tooLong",
] as const;
export type GridProblem = (typeof GRID_PROBLEMS)[number];

/** A refused table: the problem, what it names (a row, a column, a limit), and the same in English. */
export class GridRefused extends DomainError {
  constructor(
    readonly problem: GridProblem,
    readonly values: Record<string, string | number>,
    message: string,
  ) {
    super("invalid", message);
  }
}

export interface GridImport {
  journeyId: string;
  /** The table: a header row (`stage` in any board language, then lane names), then a row per line of cards. */
  rows: readonly (readonly string[])[];
  /** The names a stage or lane may go by in the file (its title, its translated preset...). */
  namesOf(record: StageRecord | LaneRecord): string[];
  newId(): string;
  authorName: string;
  authorDepartment: string;
  createdAt: number;
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The first column's header as `journey.csv` writes it in each board language ("stage", "etap"…). */
const STAGE_HEADERS = LANGUAGES.map((language) => translator(language)("export.csv.stage"));

/**
 * Adds a table of cards to a journey, as `journey.csv` exports it: each
 * non-empty cell becomes a card in its row's stage and its column's lane,
 * at the end of that cell (without the apostrophe the export put before a
 * would-be formula). Checked whole before anything is added: a
 * column or stage that does not exist, a card too long or too many rows is
 * refused, naming it, and nothing changes. Returns how many cards it added.
 */
export function importGridRows(doc: Y.Doc, args: GridImport, origin: Origin): number {
  const [header, ...body] = args.rows.map((row) => row.map(restoreCell));
  if (!header || !STAGE_HEADERS.some((name) => same(header[0] ?? "", name)))
    throw new GridRefused("firstColumn", {}, 'the first column must be "stage"');
  if (body.length > MAX_IMPORTED_ROWS) {
    throw new GridRefused("tooManyRows", { max: MAX_IMPORTED_ROWS }, `more than ${MAX_IMPORTED_ROWS} rows`);
  }
  const stages = stagesOf(doc, args.journeyId);
  const lanes = lanesOf(doc, args.journeyId);
  const find = <T extends StageRecord | LaneRecord>(records: T[], name: string) =>
    records.find((r) => args.namesOf(r).some((n) => same(n, name)));
  const columns = header.slice(1).map((name) => {
    const lane = find(lanes, name);
    if (!lane) throw new GridRefused("noLane", { name }, `column "${name}": this journey has no lane of that name`);
    return lane;
  });
  const cards: Array<{ stage: StageRecord; lane: LaneRecord; text: string }> = [];
  body.forEach((row, i) => {
    if (row.every((cell) => !cell.trim())) return;
    const stage = find(stages, row[0] ?? "");
    if (!stage) {
      const name = row[0] ?? "";
      throw new GridRefused("noStage", { row: i + 2, name }, `row ${i + 2}: this journey has no stage "${name}"`);
    }
    columns.forEach((lane, c) => {
      const text = (row[c + 1] ?? "").trim();
      if (text.length > LIMITS.cardText) {
        const column = header[c + 1] ?? "";
        throw new GridRefused(
          "tooLong",
          { row: i + 2, column, max: LIMITS.cardText },
          `row ${i + 2}, column "${column}": longer than ${LIMITS.cardText} characters`,
        );
      }
      if (text) cards.push({ stage, lane, text });
    });
  });
  addCardsAtEnd(
    doc,
    cards.map(({ stage, lane, text }) => ({ stageId: stage.id, laneId: lane.id, text })),
    args,
    origin,
  );
  return cards.length;
}
