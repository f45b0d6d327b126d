import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { SESSION_PHASE, WORKSHOP_SESSION, type BoardFile, type CreateBoardResponse } from "@journeyboard/shared";
import { eventually } from "./support/eventually";
import { startTestServer, type TestServer } from "./support/server";
import {
  addCards,
  addDot,
  closeAndReveal,
  connectVoter,
  connectWorkshop,
  roundsIn,
  rules,
  startRound,
} from "./support/voting";

const download = (server: TestServer, board: CreateBoardResponse, file: string) =>
  fetch(`${server.url}/api/boards/${board.id}/export/${file}?token=${board.links.viewer.token}`).then((r) => r.text());

const importFile = (server: TestServer, body: string) =>
  fetch(`${server.url}/api/boards/import`, { method: "POST", headers: { "content-type": "application/json" }, body });

const stored = (server: TestServer, sql: string) => {
  const db = new Database(join(server.dataDir, "journeyboard.sqlite"), { readonly: true });
  const { n } = db.prepare(sql).get() as { n: number };
  db.close();
  return n;
};

/** A board in the plan phase with two revealed rounds (one blind, one open) and one round still open. */
async function votedBoard() {
  const server = await startTestServer();
  const board = await server.createBoard({ title: "Returns" });
  const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
  await addCards(facilitator, "irritants", ["fees", "queue"]);
  await addCards(facilitator, "magicMoments", ["fitting"]);
  const workshop = await connectWorkshop(server.url, board.id, board.links.viewer.token);
  const voter = await connectVoter(server.url, board.id, board.links.participant.token);
  voter.hello("ola", "callCentre");
  const first = await startRound(facilitator, workshop);
  await addDot(voter, first.id, "fees", "1");
  await addDot(voter, first.id, "queue", "2");
  await addDot(voter, first.id, "fitting", "3");
  await closeAndReveal(facilitator, workshop, first.id);
  const second = await startRound(facilitator, workshop, rules({ title: "Which one?", blind: false }));
  await addDot(voter, second.id, "fees", "4");
  await closeAndReveal(facilitator, workshop, second.id);
  await startRound(facilitator, workshop, rules({ title: "Still open" }));
  facilitator.provider.sendStateless(JSON.stringify({ type: "phase.set", phase: "plan" }));
  await eventually(() => expect(workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_PHASE)).toBe("plan"));
  return { server, board };
}

describe("board.json workshop", () => {
  it("carries the phase and the revealed rounds with their totals; the imported board has them and exports the same bytes", async () => {
    const { server, board } = await votedBoard();
    const exported = await download(server, board, "board.json");
    const file = JSON.parse(exported) as BoardFile;
    expect(file.workshop?.phase).toBe("plan");
    expect(file.workshop?.rounds.map((round) => [round.rules.title, round.status])).toEqual([
      ["Which irritants first?", "revealed"],
      ["Which one?", "revealed"],
    ]);
    const tallies = file.workshop?.rounds.map((round) => round.tallies.map((t) => [t.cardId, t.dots, t.byDepartment]));
    expect(tallies?.[0]?.sort()).toEqual([
      ["fees", 1, { callCentre: 1 }],
      ["fitting", 1, { callCentre: 1 }],
      ["queue", 1, { callCentre: 1 }],
    ]);
    expect(tallies?.[1]).toEqual([["fees", 1, { callCentre: 1 }]]);

    const response = await importFile(server, exported);
    expect(response.status).toBe(201);
    const copy = (await response.json()) as CreateBoardResponse;
    expect(await download(server, copy, "board.json")).toBe(exported);
    const votes = await download(server, board, "votes.csv");
    expect(votes.split("\r\n").length).toBe(6);
    expect(await download(server, copy, "votes.csv")).toBe(votes);
    const workshop = await connectWorkshop(server.url, copy.id, copy.links.participant.token);
    expect(roundsIn(workshop).map((round) => round.tallies)).toEqual(file.workshop?.rounds.map((r) => r.tallies));
    expect(workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_PHASE)).toBe("plan");

    const schema = (await (await fetch(`${server.url}/api/schemas/board.json`)).json()) as {
      properties: { workshop: { properties: object } };
    };
    expect(Object.keys(schema.properties.workshop.properties)).toEqual(["phase", "rounds"]);
  });

  it("refuses a workshop part that is not one, naming the field, and stores nothing", async () => {
    const { server, board } = await votedBoard();
    const file = JSON.parse(await download(server, board, "board.json")) as BoardFile;
    const boards = stored(server, "SELECT COUNT(*) AS n FROM boards");
    const rounds = stored(server, "SELECT COUNT(*) AS n FROM vote_rounds");
    const [first, second] = file.workshop!.rounds;
    const bad: Array<[unknown, RegExp]> = [
      [{ ...file.workshop, phase: "party" }, /^workshop\.phase: /],
      [{ ...file.workshop, rounds: [first, { ...second, id: first!.id }] }, /^workshop\.rounds: two rounds have/],
      [{ ...file.workshop, rounds: [{ ...first, status: "open" }] }, /^workshop\.rounds\.0\.status: /],
      [{ ...file.workshop, rounds: [{ ...first, ballots: [] }] }, /^workshop\.rounds\.0: .*ballots/],
    ];
    for (const [workshop, message] of bad) {
      const response = await importFile(server, JSON.stringify({ ...file, workshop }));
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { error: string; message: string };
      expect(answer).toMatchObject({ error: "invalid-file", message: expect.stringMatching(message) as string });
    }
    expect(stored(server, "SELECT COUNT(*) AS n FROM boards")).toBe(boards);
    expect(stored(server, "SELECT COUNT(*) AS n FROM vote_rounds")).toBe(rounds);
  });
});
