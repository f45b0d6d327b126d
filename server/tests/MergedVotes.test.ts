import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { VOTE_REFUSALS, editCardText, mergeCards, readRecord, type VoteCommand } from "@journeyboard/shared";
import { acknowledged } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer } from "./support/server";
import {
  addCards,
  closeAndReveal,
  connectVoter,
  connectWorkshop,
  last,
  rules,
  startRound,
  type VotingClient,
} from "./support/voting";

/** Sends a vote and waits for the answer to it: the voter's dots, or a refusal. */
async function answer(client: VotingClient, command: Extract<VoteCommand, { requestId: string }>) {
  client.send(command);
  return eventually(() => {
    const reply = client.messages.find(
      (m) => (m.type === "refused" || m.type === "vote.mine") && m.requestId === command.requestId,
    );
    if (!reply) throw new Error("no answer yet");
    return reply;
  });
}

describe("Votes on merged cards", () => {
  it("count once per voter within the cap for the merged card, give the dots past it back, and tallies and votes.csv agree", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
    // Two cards saying the same thing in one cell, and two others.
    await addCards(facilitator, "irritants", ["fees", "fees-again", "queue", "forms"]);
    editCardText(facilitator.doc, { id: "fees", text: "رسوم التحويل عالية" }, facilitator.origin);
    editCardText(facilitator.doc, { id: "fees-again", text: "رسوم تحويل مرتفعة" }, facilitator.origin);
    await acknowledged(facilitator);
    const workshop = await connectWorkshop(server.url, board.id, board.links.viewer.token);
    const ola = await connectVoter(server.url, board.id, board.links.participant.token);
    const reza = await connectVoter(server.url, board.id, board.links.participant.token);
    ola.hello("ola", "sales");
    reza.hello("reza", "callCentre");
    const round = await startRound(facilitator, workshop, rules({ budgets: { irritants: 3 }, capPerCard: 1 }));
    const vote = (who: VotingClient, type: "vote.add" | "vote.remove", cardId: string, requestId: string) =>
      answer(who, { type, roundId: round.id, cardId, requestId });

    // Before the merge: Ola puts a dot on each duplicate, Reza one on the second.
    expect(await vote(ola, "vote.add", "fees", "o1")).toMatchObject({ dots: { fees: 1 }, left: { irritants: 2 } });
    expect(await vote(ola, "vote.add", "fees-again", "o2")).toMatchObject({ left: { irritants: 1 } });
    expect(await vote(reza, "vote.add", "fees-again", "r1")).toMatchObject({ dots: { "fees-again": 1 } });

    // A participant may not merge: the server refuses it and the board keeps both cards apart.
    const refusals: string[] = [];
    const sneaky = await connectVoter(server.url, board.id, board.links.participant.token, {
      onStateless: (payload) => {
        const message = JSON.parse(payload) as { type: string; reason?: string };
        if (message.type === "resync" && message.reason) refusals.push(message.reason);
      },
    });
    mergeCards(sneaky.doc, { into: "fees", ids: ["fees-again"] }, sneaky.origin);
    await eventually(() => expect(refusals).toEqual(["forbidden"]));
    expect(readRecord(facilitator.doc, "cards", "fees-again")?.mergedInto).toBeNull();

    mergeCards(facilitator.doc, { into: "fees", ids: ["fees-again"] }, facilitator.origin);
    await acknowledged(facilitator);

    // After: Ola's two dots count as one on the merged card (the cap), the other goes back to her budget.
    expect(await vote(ola, "vote.add", "fees", "o3")).toMatchObject({ type: "refused", reason: VOTE_REFUSALS.cap });
    expect(await vote(ola, "vote.add", "queue", "o4")).toMatchObject({
      dots: { fees: 1, queue: 1 },
      left: { irritants: 1 },
    });
    expect(await vote(ola, "vote.add", "forms", "o5")).toMatchObject({ left: { irritants: 0 } });
    expect(await vote(ola, "vote.add", "queue", "o6")).toMatchObject({ reason: VOTE_REFUSALS.cap });
    // Reza's dot, placed on the original, shows on the merged card and is taken back from it.
    expect(await vote(reza, "vote.add", "fees", "r2")).toMatchObject({ reason: VOTE_REFUSALS.cap });
    expect(await vote(reza, "vote.remove", "fees", "r3")).toMatchObject({ dots: {}, left: { irritants: 3 } });
    expect(await vote(reza, "vote.add", "fees", "r4")).toMatchObject({ dots: { fees: 1 }, left: { irritants: 2 } });
    // A vote naming an original goes to the merged card.
    expect(await vote(reza, "vote.add", "fees-again", "r5")).toMatchObject({ reason: VOTE_REFUSALS.cap });
    await eventually(() =>
      expect(
        last(facilitator, "round.progress")
          ?.people.map((p) => [p.name, p.used])
          .sort(),
      ).toEqual([
        ["ola", 3],
        ["reza", 1],
      ]),
    );

    const revealed = await closeAndReveal(facilitator, workshop, round.id);
    expect(revealed.voters).toBe(2);
    expect(revealed.tallies).toEqual([
      { cardId: "fees", category: "irritants", dots: 2, byDepartment: { sales: 1, callCentre: 1 }, rank: 1 },
      { cardId: "forms", category: "irritants", dots: 1, byDepartment: { sales: 1 }, rank: 2 },
      { cardId: "queue", category: "irritants", dots: 1, byDepartment: { sales: 1 }, rank: 2 },
    ]);

    const csv = await fetch(`${server.url}/api/boards/${board.id}/export/votes.csv?token=${board.links.viewer.token}`);
    const rows = parse(await csv.text(), { bom: true }) as string[][];
    expect(rows.slice(1).map((row) => [row[1], Number(row[5])])).toEqual(
      revealed.tallies!.map((tally) => [readRecord(facilitator.doc, "cards", tally.cardId)!.text, tally.dots]),
    );
    expect(rows.slice(1).map((row) => row[1])).toEqual(["رسوم التحويل عالية", "forms", "queue"]);
  });
});
