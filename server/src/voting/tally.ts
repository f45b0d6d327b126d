import type { CardTally, VoteCategory } from "@journeyboard/shared";
import type { DotRow } from "../storage/VoteStore";

/** Totals per card and per department from the ballots, best first; ranks are per category. */
export function tallyOf(rows: readonly DotRow[]): CardTally[] {
  const byCard = new Map<string, CardTally>();
  for (const row of rows) {
    const tally = byCard.get(row.cardId) ?? {
      cardId: row.cardId,
      category: row.category,
      dots: 0,
      byDepartment: {},
      rank: 0,
    };
    tally.dots += row.dots;
    tally.byDepartment[row.department] = (tally.byDepartment[row.department] ?? 0) + row.dots;
    byCard.set(row.cardId, tally);
  }
  const tallies = [...byCard.values()].sort((a, b) => b.dots - a.dots || (a.cardId < b.cardId ? -1 : 1));
  const ranks = new Map<VoteCategory, { dots: number; rank: number }>();
  for (const tally of tallies) {
    const last = ranks.get(tally.category);
    tally.rank = !last ? 1 : last.dots === tally.dots ? last.rank : last.rank + 1;
    ranks.set(tally.category, { dots: tally.dots, rank: tally.rank });
  }
  return tallies;
}

/** How many people placed at least one dot. */
export const votersOf = (rows: readonly DotRow[]): number => new Set(rows.map((r) => r.participantId)).size;
