import type * as Y from "yjs";
import { boardNames, readRecord, type RoundRecord } from "@journeyboard/shared";
import { toCsv } from "./csv";

/** Catalog keys (`export.csv.*`) of the columns. */
const HEADER = ["round", "card", "kind", "stage", "lane", "dots", "dotsByDepartment"] as const;

/**
 * The totals of every revealed round, a row per card, best first. Rounds
 * not yet revealed are left out: before the reveal no tally leaves the server.
 */
export function votesCsv(board: Y.Doc, rounds: readonly RoundRecord[]): string {
  const names = boardNames(board);
  const rows = rounds
    .filter((round) => round.status === "revealed")
    .flatMap((round) =>
      (round.tallies ?? []).map((tally) => {
        const card = readRecord(board, "cards", tally.cardId);
        const stage = card ? readRecord(board, "stages", card.stageId) : undefined;
        const lane = card ? readRecord(board, "lanes", card.laneId) : undefined;
        const byDepartment = Object.entries(tally.byDepartment)
          .sort(([, a], [, b]) => b - a)
          .map(([department, dots]) => `${names.department(department)}: ${dots}`)
          .join("; ");
        return [
          round.rules.title,
          card?.text ?? "",
          names.laneKind(tally.category),
          stage ? names.stage(stage) : "",
          lane ? names.lane(lane) : "",
          tally.dots,
          byDepartment,
        ];
      }),
    );
  return toCsv(
    HEADER.map((key) => names.t(`export.csv.${key}`)),
    rows,
  );
}
