import { join } from "node:path";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  VOTE_REFUSALS,
  WORKSHOP_ROUNDS,
  moveCard,
  readAll,
  readRecord,
  stagesOf,
  type VoteCommand,
} from "@journeyboard/shared";
import { acknowledged } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer } from "./support/server";
import {
  addCards,
  connectVoter,
  connectWorkshop,
  last,
  roundsIn,
  rules,
  startRound,
  type VotingClient,
} from "./support/voting";

async function votingBoard(clock?: () => number) {
  const server = await startTestServer({}, { clock });
  const board = await server.createBoard();
  const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
  await addCards(facilitator, "irritants", ["fees", "queue", "forms"]);
  await addCards(facilitator, "magicMoments", ["alterations"]);
  await addCards(facilitator, "thoughts", ["size"]);
  const workshop = await connectWorkshop(server.url, board.id, board.links.participant.token);
  return { server, board, facilitator, workshop };
}

/** Sends a command and waits for the answer to it: the voter's dots, or a refusal. */
async function answer(client: VotingClient, command: VoteCommand) {
  const before = client.messages.length;
  client.send(command);
  return eventually(() => {
    const reply = client.messages
      .slice(before)
      .find(
        (m) =>
          m.type === "refused" ||
          (m.type === "vote.mine" && "requestId" in command && m.requestId === command.requestId),
      );
    if (!reply) throw new Error("no answer yet");
    return reply;
  });
}

describe("Voting", () => {
  it("keeps each voter within their budget per category and the cap per card, tells them only their own dots, and reveals totals by department", async () => {
    const { server, board, facilitator, workshop } = await votingBoard();
    const ola = await connectVoter(server.url, board.id, board.links.participant.token);
    const reza = await connectVoter(server.url, board.id, board.links.participant.token);
    ola.hello("ola", "sales");
    reza.hello("reza", "callCentre");
    const round = await startRound(facilitator, workshop);
    expect(round.tallies).toBeNull();

    const vote = (who: VotingClient, cardId: string, requestId: string) =>
      answer(who, { type: "vote.add", roundId: round.id, cardId, requestId });
    expect(await vote(ola, "fees", "o1")).toMatchObject({
      type: "vote.mine",
      dots: { fees: 1 },
      left: { irritants: 1 },
    });
    expect(await vote(ola, "fees", "o2")).toMatchObject({ type: "refused", reason: VOTE_REFUSALS.cap });
    expect(await vote(ola, "queue", "o3")).toMatchObject({ left: { irritants: 0, magicMoments: 1 } });
    expect(await vote(ola, "forms", "o4")).toMatchObject({ type: "refused", reason: VOTE_REFUSALS.budget });
    expect(await vote(ola, "size", "o5")).toMatchObject({ type: "refused", reason: VOTE_REFUSALS.notEligible });
    expect(await vote(ola, "no-such-card", "o6")).toMatchObject({ reason: VOTE_REFUSALS.noSuchCard });
    expect(await vote(ola, "alterations", "o7")).toMatchObject({ left: { irritants: 0, magicMoments: 0 } });
    expect(await vote(reza, "fees", "r1")).toMatchObject({ dots: { fees: 1 } });
    expect(
      await answer(reza, { type: "vote.remove", roundId: round.id, cardId: "queue", requestId: "r2" }),
    ).toMatchObject({ reason: VOTE_REFUSALS.noDot });
    expect(last(reza, "vote.mine")?.dots).toEqual({ fees: 1 });

    await eventually(() =>
      expect(last(facilitator, "round.progress")?.people).toEqual(
        expect.arrayContaining([
          {
            participantId: expect.stringMatching(/^[0-9a-f]{64}$/),
            name: "ola",
            department: "sales",
            used: 3,
            budget: 3,
          },
          {
            participantId: expect.stringMatching(/^[0-9a-f]{64}$/),
            name: "reza",
            department: "callCentre",
            used: 1,
            budget: 3,
          },
        ]),
      ),
    );
    expect(ola.messages.some((m) => m.type === "round.progress")).toBe(false);

    expect(await answer(facilitator, { type: "round.reveal", roundId: round.id })).toMatchObject({
      reason: VOTE_REFUSALS.notClosed,
    });
    facilitator.send({ type: "round.close", roundId: round.id });
    await eventually(() => expect(roundsIn(workshop)[0]?.status).toBe("closed"));
    expect(await vote(reza, "queue", "r3")).toMatchObject({ reason: VOTE_REFUSALS.notOpen });
    facilitator.send({ type: "round.reveal", roundId: round.id });
    await eventually(() => expect(roundsIn(workshop)[0]?.status).toBe("revealed"));
    const revealed = roundsIn(workshop)[0]!;
    expect(revealed.voters).toBe(2);
    expect(revealed.tallies).toEqual([
      { cardId: "fees", category: "irritants", dots: 2, byDepartment: { sales: 1, callCentre: 1 }, rank: 1 },
      { cardId: "alterations", category: "magicMoments", dots: 1, byDepartment: { sales: 1 }, rank: 1 },
      { cardId: "queue", category: "irritants", dots: 1, byDepartment: { sales: 1 }, rank: 2 },
    ]);
  });

  it("gives a voter who reconnects their own dots back, and counts a resent command once", async () => {
    const { server, board, facilitator, workshop } = await votingBoard();
    const round = await startRound(facilitator, workshop, rules({ capPerCard: 2 }));
    const first = await connectVoter(server.url, board.id, board.links.participant.token);
    first.hello("ola", "sales");
    await answer(first, { type: "vote.add", roundId: round.id, cardId: "fees", requestId: "same" });
    await answer(first, { type: "vote.add", roundId: round.id, cardId: "fees", requestId: "same" });
    expect(last(first, "vote.mine")?.dots).toEqual({ fees: 1 });
    first.disconnect();

    const again = await connectVoter(server.url, board.id, board.links.participant.token);
    again.hello("ola", "sales");
    await eventually(() =>
      expect(last(again, "vote.mine")).toMatchObject({ dots: { fees: 1 }, left: { irritants: 1 } }),
    );
  });

  it("refuses every facilitator command from a participant and a viewer, any vote from a viewer, and any write to the workshop document", async () => {
    const { server, board, facilitator, workshop } = await votingBoard();
    const round = await startRound(facilitator, workshop);
    const participant = await connectVoter(server.url, board.id, board.links.participant.token);
    const viewer = await connectVoter(server.url, board.id, board.links.viewer.token);
    participant.hello("ola", "sales");
    const facilitatorCommands: VoteCommand[] = [
      { type: "round.start", rules: rules({ title: "Forged" }) },
      { type: "round.close", roundId: round.id },
      { type: "round.reveal", roundId: round.id },
    ];
    for (const client of [participant, viewer]) {
      for (const command of facilitatorCommands) {
        expect(await answer(client, command)).toMatchObject({ type: "refused", reason: VOTE_REFUSALS.forbidden });
      }
    }
    viewer.hello("viewer", "sales");
    expect(
      await answer(viewer, { type: "vote.add", roundId: round.id, cardId: "fees", requestId: "v1" }),
    ).toMatchObject({
      reason: VOTE_REFUSALS.forbidden,
    });
    participant.provider.sendStateless("{not json");
    participant.provider.sendStateless(JSON.stringify({ type: "round.start", rules: { title: "x" } }));
    await eventually(() =>
      expect(participant.messages.filter((m) => m.type === "refused" && m.reason === "malformed")).toHaveLength(2),
    );

    for (const token of [board.links.participant.token, board.links.facilitator.token]) {
      const writer = await connectWorkshop(server.url, board.id, token);
      writer.doc.getMap(WORKSHOP_ROUNDS).set(round.id, { ...round, status: "revealed", tallies: [] });
      writer.doc.getMap(WORKSHOP_ROUNDS).set("forged", { ...round, id: "forged" });
    }
    const fresh = await connectWorkshop(server.url, board.id, board.links.viewer.token);
    await acknowledged(fresh);
    expect(roundsIn(fresh)).toEqual([expect.objectContaining({ id: round.id, status: "open", tallies: null })]);
    expect(roundsIn(workshop).map((r) => [r.id, r.status])).toEqual([[round.id, "open"]]);
  });

  it("never lets concurrent, repeated and reconnecting voters exceed a budget or a cap", async () => {
    const { server, board, facilitator, workshop } = await votingBoard();
    const budgets = { irritants: 3, magicMoments: 2 };
    const round = await startRound(facilitator, workshop, rules({ budgets, capPerCard: 2 }));
    const cards = ["fees", "queue", "forms", "alterations"];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const enter = async (i: number) => {
      const client = await connectVoter(server.url, board.id, board.links.participant.token);
      client.hello(`p${i % 6}`, i % 2 ? "sales" : "digital");
      return client;
    };
    // Eight connections for six people: two people vote from two places at once.
    const voters = await Promise.all(Array.from({ length: 8 }, (_, i) => enter(i)));
    let sent = 0;
    for (let step = 0; step < 400; step++) {
      const i = random(voters.length);
      if (random(25) === 0) {
        // A reload: the connection goes, unanswered commands with it; the same person comes back.
        voters[i]!.disconnect();
        voters[i] = await enter(i);
        continue;
      }
      const requestId = `r${random(3) === 0 && sent > 0 ? random(sent) : sent++}`;
      voters[i]!.send({
        type: random(5) < 4 ? "vote.add" : "vote.remove",
        roundId: round.id,
        cardId: cards[random(cards.length)]!,
        requestId,
      });
    }
    // Each voter resends one last vote until it is answered (its id makes the resends count once):
    // after that, everything it sent before has been handled.
    for (const [i, voter] of voters.entries()) {
      const requestId = `last-${i}`;
      await eventually(() => {
        if (voter.messages.some((m) => m.type !== "round.progress" && m.requestId === requestId)) return;
        voter.send({ type: "vote.add", roundId: round.id, cardId: "forms", requestId });
        throw new Error("not answered yet");
      });
    }

    const db = new Database(join(server.dataDir, "journeyboard.sqlite"), { readonly: true });
    const rows = db
      .prepare("SELECT participant_id AS p, card_id AS c, category AS k, dots FROM vote_dots WHERE round_id = ?")
      .all(round.id) as { p: string; c: string; k: keyof typeof budgets; dots: number }[];
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    const used = new Map<string, number>();
    for (const row of rows) {
      expect(row.dots).toBeLessThanOrEqual(2);
      used.set(`${row.p}/${row.k}`, (used.get(`${row.p}/${row.k}`) ?? 0) + row.dots);
    }
    for (const [key, dots] of used)
      expect(dots).toBeLessThanOrEqual(budgets[key.split("/")[1] as keyof typeof budgets]);
  });

  it("lets no ballot or tally reach a participant or a viewer before the reveal, and only totals after", async () => {
    const { server, board, facilitator, workshop } = await votingBoard();
    const round = await startRound(facilitator, workshop);
    const participantFrames: string[] = [];
    const viewerFrames: string[] = [];
    const watcher = await connectVoter(server.url, board.id, board.links.participant.token, {
      frames: participantFrames,
    });
    watcher.hello("watcher", "digital");
    await connectWorkshop(server.url, board.id, board.links.participant.token, { frames: participantFrames });
    await connectVoter(server.url, board.id, board.links.viewer.token, { frames: viewerFrames });
    await connectWorkshop(server.url, board.id, board.links.viewer.token, { frames: viewerFrames });

    const marker = "MARKER-7f3a";
    const secret = await connectVoter(server.url, board.id, board.links.participant.token);
    secret.hello(`${marker}-voter`, `${marker}-department`, `${marker}-name`);
    await answer(secret, { type: "vote.add", roundId: round.id, cardId: "fees", requestId: `${marker}-request` });
    await answer(secret, { type: "vote.add", roundId: round.id, cardId: "alterations", requestId: "second" });
    await answer(watcher, { type: "vote.add", roundId: round.id, cardId: "queue", requestId: "w1" });
    facilitator.send({ type: "round.close", roundId: round.id });
    await eventually(() => expect(roundsIn(workshop)[0]?.status).toBe("closed"));

    const session = await fetch(`${server.url}/api/boards/${board.id}/session`, {
      headers: { authorization: `Bearer ${board.links.participant.token}` },
    });
    const seen = [...participantFrames, ...viewerFrames, await session.text()].join("\n");
    expect(seen).not.toContain(marker);
    expect(seen).not.toMatch(/"dots":\{"(fees|alterations)"/);
    expect(seen).not.toContain("round.progress");
    expect(last(watcher, "vote.mine")?.dots).toEqual({ queue: 1 });

    facilitator.send({ type: "round.reveal", roundId: round.id });
    await eventually(() => expect(roundsIn(workshop)[0]?.status).toBe("revealed"));
    const tallies = roundsIn(workshop)[0]!.tallies!;
    expect(tallies.find((t) => t.cardId === "fees")?.byDepartment).toEqual({ [`${marker}-department`]: 1 });
    const after = [...participantFrames, ...viewerFrames].join("\n");
    expect(after).not.toContain(`${marker}-voter`);
    expect(after).not.toContain(`${marker}-name`);
    expect(after).not.toContain(`${marker}-request`);
  });

  it("keeps rounds and ballots across a restart", async () => {
    const { server, board, facilitator, workshop } = await votingBoard();
    const round = await startRound(facilitator, workshop, rules({ durationSeconds: 600 }));
    const voter = await connectVoter(server.url, board.id, board.links.participant.token);
    voter.hello("ola", "sales");
    await answer(voter, { type: "vote.add", roundId: round.id, cardId: "fees", requestId: "1" });
    await server.close();

    const restarted = await startTestServer({}, { dataDir: server.dataDir });
    const reader = await connectWorkshop(restarted.url, board.id, board.links.viewer.token);
    expect(roundsIn(reader)).toEqual([expect.objectContaining({ id: round.id, status: "open" })]);
    const back = await connectVoter(restarted.url, board.id, board.links.participant.token);
    back.hello("ola", "sales");
    await eventually(() => expect(last(back, "vote.mine")?.dots).toEqual({ fees: 1 }));
  });

  it("exports the totals of revealed rounds as CSV, with formulas neutralised, and nothing before the reveal", async () => {
    const { server, board, facilitator, workshop } = await votingBoard();
    await addCards(facilitator, "irritants", ['=HYPERLINK("http://x")']);
    const round = await startRound(facilitator, workshop);
    const voter = await connectVoter(server.url, board.id, board.links.participant.token);
    voter.hello("ola", "sales");
    await answer(voter, { type: "vote.add", roundId: round.id, cardId: "fees", requestId: "1" });
    await answer(voter, { type: "vote.add", roundId: round.id, cardId: '=HYPERLINK("http://x")', requestId: "2" });
    const csv = (token: string) => fetch(`${server.url}/api/boards/${board.id}/export/votes.csv?token=${token}`);

    const before = await (await csv(board.links.viewer.token)).text();
    expect(parse(before)).toEqual([["round", "card", "kind", "stage", "lane", "dots", "dots by department"]]);
    expect((await csv("wrong-token")).status).toBe(403);

    facilitator.send({ type: "round.close", roundId: round.id });
    await eventually(() => expect(roundsIn(workshop)[0]?.status).toBe("closed"));
    facilitator.send({ type: "round.reveal", roundId: round.id });
    await eventually(() => expect(roundsIn(workshop)[0]?.status).toBe("revealed"));
    const response = await csv(board.links.participant.token);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes)) as string[][];
    expect(rows.slice(1).sort()).toEqual([
      ["Which irritants first?", '\'=HYPERLINK("http://x")', "Irritants", "Awareness", "Irritants", "1", "Sales: 1"],
      ["Which irritants first?", "fees", "Irritants", "Awareness", "Irritants", "1", "Sales: 1"],
    ]);
  });

  it("limits a round to chosen stages and lanes, or to the cards that got dots in an earlier round", async () => {
    const { server, board, facilitator, workshop } = await votingBoard();
    const journeyId = readAll(facilitator.doc, "journeys")[0]!.id;
    const [first, second] = stagesOf(facilitator.doc, journeyId);
    moveCard(
      facilitator.doc,
      { id: "forms", stageId: second!.id, laneId: readRecord(facilitator.doc, "cards", "forms")!.laneId, index: 0 },
      facilitator.origin,
    );
    await acknowledged(facilitator);
    const voter = await connectVoter(server.url, board.id, board.links.participant.token);
    voter.hello("ola", "sales");
    const vote = (roundId: string, cardId: string, requestId: string) =>
      answer(voter, { type: "vote.add", roundId, cardId, requestId });

    const staged = await startRound(facilitator, workshop, rules({ stageIds: [first!.id], budgets: { irritants: 5 } }));
    expect(await vote(staged.id, "forms", "1")).toMatchObject({ reason: VOTE_REFUSALS.notEligible });
    expect(await vote(staged.id, "fees", "2")).toMatchObject({ type: "vote.mine" });
    facilitator.send({ type: "round.close", roundId: staged.id });
    await eventually(() => expect(roundsIn(workshop).find((r) => r.id === staged.id)?.status).toBe("closed"));
    facilitator.send({ type: "round.reveal", roundId: staged.id });
    await eventually(() => expect(roundsIn(workshop).find((r) => r.id === staged.id)?.status).toBe("revealed"));

    const again = await startRound(
      facilitator,
      workshop,
      rules({ fromRound: { roundId: staged.id, top: null }, budgets: { irritants: 5 } }),
    );
    expect(await vote(again.id, "queue", "3")).toMatchObject({ reason: VOTE_REFUSALS.notEligible });
    expect(await vote(again.id, "fees", "4")).toMatchObject({ type: "vote.mine", dots: { fees: 1 } });
  });

  it("closes a round when its countdown runs out, and shows an open round's totals as they come", async () => {
    let now = Date.now();
    const { server, board, facilitator, workshop } = await votingBoard(() => now);
    const round = await startRound(facilitator, workshop, rules({ blind: false, durationSeconds: 60 }));
    expect(round.endsAt).toBe(round.openedAt + 60_000);
    const voter = await connectVoter(server.url, board.id, board.links.participant.token);
    voter.hello("ola", "sales");
    await answer(voter, { type: "vote.add", roundId: round.id, cardId: "fees", requestId: "1" });
    await eventually(() =>
      expect(roundsIn(workshop)[0]?.tallies).toEqual([
        { cardId: "fees", category: "irritants", dots: 1, byDepartment: { sales: 1 }, rank: 1 },
      ]),
    );

    now += 61_000;
    expect(await answer(voter, { type: "vote.add", roundId: round.id, cardId: "queue", requestId: "2" })).toMatchObject(
      {
        reason: VOTE_REFUSALS.notOpen,
      },
    );
    await eventually(() => expect(roundsIn(workshop)[0]).toMatchObject({ status: "closed", closedAt: round.endsAt }));
  });
});
