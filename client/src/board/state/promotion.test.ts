import { describe, expect, it } from "vitest";
import type { ActionRecord, CardTally } from "@journeyboard/shared";
import { promotionOf } from "./promotion";

const tally = (cardId: string, dots: number): CardTally => ({
  cardId,
  category: "irritants",
  dots,
  byDepartment: {},
  rank: 0,
});
const action = (cardIds: string[]) => ({ cardIds }) as ActionRecord;
const ids = (tallies: CardTally[]) => tallies.map((t) => t.cardId);

describe("promotionOf", () => {
  const tallies = [tally("fees", 5), tally("queue", 3), tally("forms", 3), tally("wait", 3), tally("size", 1)];

  it("takes the top N and every card tied with the N-th, and says how many ties it added", () => {
    expect(promotionOf(tallies, 2, [])).toMatchObject({ tied: 2, planned: 0 });
    expect(ids(promotionOf(tallies, 2, []).add)).toEqual(["fees", "queue", "forms", "wait"]);
    expect(promotionOf(tallies, 1, [])).toMatchObject({ tied: 0 });
    expect(ids(promotionOf(tallies, 9, []).add)).toHaveLength(5);
  });

  it("leaves out the cards an action already addresses, and counts them", () => {
    const result = promotionOf(tallies, 1, [action(["fees"]), action(["other"])]);
    expect(result).toMatchObject({ add: [], planned: 1 });
    expect(ids(promotionOf(tallies, 4, [action(["queue", "wait"])]).add)).toEqual(["fees", "forms"]);
  });

  it("adds nothing from an empty ranking", () => {
    expect(promotionOf([], 3, [])).toEqual({ add: [], tied: 0, planned: 0 });
  });
});
