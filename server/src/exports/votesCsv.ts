import type * as Y from "yjs";
import { departmentName, laneKindName, readRecord, type RoundRecord } from "@journeyboard/shared";
import { toCsv } from "./csv";
import { laneName, stageName } from "./journeyGrid";

export const VOTES_CSV_HEADER = ["round", "card", "kind", "stage", "lane", "dots", "dots by department"] as const;

/**
 * The totals of every revealed round, a row per card, best first. Rounds
 * not yet revealed are left out: before the reveal no tally leaves the server.
 */
export function votesCsv(board: Y.Doc, rounds: readonly RoundRecord[]): string {
  const rows = rounds
    .filter((round) => round.status === "revealed")
    .flatMap((round) =>
      (round.tallies ?? []).map((tally) => {
        const card = readRecord(board, "cards", tally.cardId);
        const stage = card ? readRecord(board, "stages", card.stageId) : undefined;
        const lane = card ? readRecord(board, "lanes", card.laneId) : undefined;
        const byDepartment = Object.entries(tally.byDepartment)
          .sort(([, a], [, b]) => b - a)
          .map(([department, dots]) => `${departmentName(department)}: ${dots}`)
          .join("; ");
        return [
          round.rules.title,
          card?.text ?? "",
          laneKindName(tally.category),
          stage ? stageName(stage) : "",
          lane ? laneName(lane) : "",
          tally.dots,
          byDepartment,
        ];
      }),
    );
  return toCsv(VOTES_CSV_HEADER, rows);
}
