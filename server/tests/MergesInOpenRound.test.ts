import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { mergeCards, readRecord, restoreMergedCard } from "@journeyboard/shared";
import { acknowledged } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer } from "./support/server";
import {
  addCards,
  addDot,
  closeAndReveal,
  connectVoter,
  connectWorkshop,
  last,
  roundsIn,
  rules,
  startRound,
  type VotingClient,
} from "./support/voting";

const totals = (tallies: readonly { cardId: string; dots: number }[] | null | undefined) =>
  Object.fromEntries((tallies ?? []).map((tally) => [tally.cardId, tally.dots]));
const used = (facilitator: VotingClient) =>
  Object.fromEntries(last(facilitator, "round.progress")?.people.map((p) => [p.name, p.used]) ?? []);

describe("A merge in an open round", () => {
  it("updates the live tally, the progress and each voter's dots at once, and a split undoes it", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
    await addCards(facilitator, "irritants", ["fees", "fees-again", "queue"]);
    const workshop = await connectWorkshop(server.url, board.id, board.links.viewer.token);
    const ola = await connectVoter(server.url, board.id, board.links.participant.token);
    const reza = await connectVoter(server.url, board.id, board.links.participant.token);
    ola.hello("ola", "sales");
    reza.hello("reza", "callCentre");
    const round = await startRound(
      facilitator,
      workshop,
      rules({ budgets: { irritants: 3 }, capPerCard: 1, blind: false }),
    );
    const liveTotals = () => totals(roundsIn(workshop).find((r) => r.id === round.id)?.tallies);

    await addDot(ola, round.id, "fees", "o1");
    await addDot(ola, round.id, "fees-again", "o2");
    await addDot(reza, round.id, "fees-again", "r1");
    await eventually(() => expect(liveTotals()).toEqual({ fees: 1, "fees-again": 2 }));
    await eventually(() => expect(used(facilitator)).toEqual({ ola: 2, reza: 1 }));

    // Nobody votes after the merge: Ola's two dots count once for the merged card, one back in her budget.
    mergeCards(facilitator.doc, { into: "fees", ids: ["fees-again"] }, facilitator.origin);
    await acknowledged(facilitator);
    await eventually(() => expect(liveTotals()).toEqual({ fees: 2 }));
    await eventually(() => expect(used(facilitator)).toEqual({ ola: 1, reza: 1 }));
    await eventually(() => expect(last(ola, "vote.mine")).toMatchObject({ dots: { fees: 1 }, left: { irritants: 2 } }));
    await eventually(() =>
      expect(last(reza, "vote.mine")).toMatchObject({ dots: { fees: 1 }, left: { irritants: 2 } }),
    );

    // Split again: every dot counts where it was placed.
    restoreMergedCard(facilitator.doc, { id: "fees-again" }, facilitator.origin);
    await acknowledged(facilitator);
    await eventually(() => expect(liveTotals()).toEqual({ fees: 1, "fees-again": 2 }));
    await eventually(() => expect(used(facilitator)).toEqual({ ola: 2, reza: 1 }));
    await eventually(() =>
      expect(last(ola, "vote.mine")).toMatchObject({ dots: { fees: 1, "fees-again": 1 }, left: { irritants: 1 } }),
    );
    await eventually(() => expect(last(reza, "vote.mine")?.dots).toEqual({ "fees-again": 1 }));

    // Merged again, then closed and revealed: the results, the live tally before them and votes.csv agree.
    mergeCards(facilitator.doc, { into: "fees", ids: ["fees-again"] }, facilitator.origin);
    await acknowledged(facilitator);
    await eventually(() => expect(liveTotals()).toEqual({ fees: 2 }));
    const revealed = await closeAndReveal(facilitator, workshop, round.id);
    expect(revealed.tallies).toEqual([
      { cardId: "fees", category: "irritants", dots: 2, byDepartment: { sales: 1, callCentre: 1 }, rank: 1 },
    ]);
    expect(revealed.voters).toBe(2);
    const csv = await fetch(`${server.url}/api/boards/${board.id}/export/votes.csv?token=${board.links.viewer.token}`);
    const rows = parse(await csv.text(), { bom: true }) as string[][];
    expect(rows.slice(1).map((row) => [row[1], Number(row[5])])).toEqual([
      [readRecord(facilitator.doc, "cards", "fees")!.text, 2],
    ]);
  });

  it("leaves a blind round's totals hidden, and its progress counts the merge at once", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
    await addCards(facilitator, "irritants", ["fees", "fees-again"]);
    const workshop = await connectWorkshop(server.url, board.id, board.links.viewer.token);
    const ola = await connectVoter(server.url, board.id, board.links.participant.token);
    ola.hello("ola", "sales");
    const round = await startRound(facilitator, workshop, rules({ budgets: { irritants: 3 }, capPerCard: 1 }));
    await addDot(ola, round.id, "fees", "o1");
    await addDot(ola, round.id, "fees-again", "o2");
    await eventually(() => expect(used(facilitator)).toEqual({ ola: 2 }));

    mergeCards(facilitator.doc, { into: "fees", ids: ["fees-again"] }, facilitator.origin);
    await acknowledged(facilitator);
    await eventually(() => expect(used(facilitator)).toEqual({ ola: 1 }));
    expect(roundsIn(workshop).find((r) => r.id === round.id)?.tallies).toBeNull();

    // Closed after the merge, split before the reveal: the results count each dot where it was placed.
    facilitator.send({ type: "round.close", roundId: round.id });
    await eventually(() => expect(roundsIn(workshop).find((r) => r.id === round.id)?.status).toBe("closed"));
    restoreMergedCard(facilitator.doc, { id: "fees-again" }, facilitator.origin);
    await acknowledged(facilitator);
    facilitator.send({ type: "round.reveal", roundId: round.id });
    await eventually(() =>
      expect(totals(roundsIn(workshop).find((r) => r.id === round.id && r.status === "revealed")?.tallies)).toEqual({
        fees: 1,
        "fees-again": 1,
      }),
    );
  });
});
