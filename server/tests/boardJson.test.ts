import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  addActions,
  addCard,
  addPersona,
  lanesOf,
  linkCards,
  rateStep,
  readAll,
  setCardIndicator,
  emptyIndicator,
  stagesOf,
  type ApiError,
  type CreateBoardResponse,
  type FileProblemCode,
} from "@journeyboard/shared";
import { acknowledged, connectSynced } from "./support/client";
import { startTestServer, type TestServer } from "./support/server";

const boardFile = (server: TestServer, board: CreateBoardResponse) =>
  fetch(`${server.url}/api/boards/${board.id}/export/board.json?token=${board.links.viewer.token}`).then((r) =>
    r.text(),
  );

const importFile = (server: TestServer, body: string) =>
  fetch(`${server.url}/api/boards/import`, { method: "POST", headers: { "content-type": "application/json" }, body });

const boardCount = (server: TestServer) => {
  const db = new Database(join(server.dataDir, "journeyboard.sqlite"), { readonly: true });
  const { n } = db.prepare("SELECT COUNT(*) AS n FROM boards").get() as { n: number };
  db.close();
  return n;
};

describe("board.json", () => {
  it("exports a whole board and imports it as a new board that exports to the same bytes", async () => {
    const server = await startTestServer();
    const board = await server.createBoard({ title: "Ścieżka klienta" });
    const client = await connectSynced(server.url, board.id, board.links.facilitator.token);
    const journeyId = readAll(client.doc, "journeys")[0]!.id;
    const [stage] = stagesOf(client.doc, journeyId);
    const lanes = lanesOf(client.doc, journeyId);
    const put = (id: string, kind: string, text: string) =>
      addCard(
        client.doc,
        {
          id,
          journeyId,
          stageId: stage!.id,
          laneId: lanes.find((l) => l.kind === kind)!.id,
          text,
          authorName: "Ola",
          authorDepartment: "sales",
          createdAt: 5,
        },
        client.origin,
      );
    put("step", "steps", "أبحث عن فستان");
    put("fees", "irritants", "Hidden fees");
    put("nps", "thoughts", "NPS");
    setCardIndicator(client.doc, { id: "nps", indicator: { ...emptyIndicator("nps"), value: 12 } }, client.origin);
    rateStep(client.doc, { cardId: "step", participantId: "p1", department: "sales", value: -1 }, client.origin);
    addPersona(client.doc, { id: "lina", name: "Lina", goals: "A dress" }, client.origin);
    linkCards(client.doc, { kind: "addresses", fromCardId: "step", toCardId: "fees" }, client.origin);
    addActions(
      client.doc,
      { actions: [{ id: "act", title: "Show fees", cardIds: ["fees"], createdAt: 9 }] },
      client.origin,
    );
    await acknowledged(client);

    const exported = await boardFile(server, board);
    const parsed = JSON.parse(exported) as { records: Record<string, unknown[]>; meta: { title: string } };
    expect(parsed.meta.title).toBe("Ścieżka klienta");
    expect(parsed.records.actions).toHaveLength(1);
    const response = await importFile(server, exported);
    expect(response.status).toBe(201);
    const copy = (await response.json()) as CreateBoardResponse;
    expect(copy.id).not.toBe(board.id);
    expect(copy.title).toBe("Ścieżka klienta");
    expect(await boardFile(server, copy)).toBe(exported);

    const schema = (await (await fetch(`${server.url}/api/schemas/board.json`)).json()) as { properties: object };
    expect(Object.keys(schema.properties)).toEqual(["format", "schemaVersion", "meta", "records", "workshop"]);
  });

  it("refuses a bad file naming the bad field, and creates nothing", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const client = await connectSynced(server.url, board.id, board.links.facilitator.token);
    const journeyId = readAll(client.doc, "journeys")[0]!.id;
    addCard(
      client.doc,
      {
        id: "c1",
        journeyId,
        stageId: stagesOf(client.doc, journeyId)[0]!.id,
        laneId: lanesOf(client.doc, journeyId)[0]!.id,
        text: "ok",
        authorName: "",
        authorDepartment: "sales",
        createdAt: 1,
      },
      client.origin,
    );
    await acknowledged(client);
    const good = JSON.parse(await boardFile(server, board)) as { records: { cards: Array<Record<string, unknown>> } };
    const before = boardCount(server);

    const tooLong = structuredClone(good);
    tooLong.records.cards[0]!.text = "x".repeat(5000);
    const orphan = structuredClone(good);
    orphan.records.cards[0]!.stageId = "no-such-stage";
    // The client words the problem in the reader's language, naming the field; the message is for other tools.
    const cases: Array<[string, RegExp, FileProblemCode, string]> = [
      ["{not json", /^file: not JSON$/, "notJson", "file"],
      [JSON.stringify({ ...good, format: "something else" }), /^format: /, "invalid", "format"],
      [JSON.stringify(tooLong), /^records\.cards\.0\.text: /, "invalid", "records.cards.0.text"],
      [JSON.stringify(orphan), /^records: .*c1/, "broken", "records"],
    ];
    for (const [body, message, problem, field] of cases) {
      const response = await importFile(server, body);
      expect(response.status).toBe(400);
      const answer = (await response.json()) as ApiError;
      expect(answer).toMatchObject({ error: "invalid-file", problem, field });
      expect(answer.message).toMatch(message);
    }
    expect(boardCount(server)).toBe(before);
  });

  it("refuses a file over 32 MiB and one nested 10,000 deep inside a record with invalid-file, and creates nothing", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const good = await boardFile(server, board);
    const before = boardCount(server);
    const deep = JSON.parse(good) as { records: { journeys: Array<Record<string, unknown>> } };
    deep.records.journeys[0]!.notes = "DEEP";
    const cases: Array<[string, RegExp, FileProblemCode]> = [
      [
        good.replace(/}\s*$/, `, "padding": "${"x".repeat(33 * 1024 * 1024)}"}`),
        /^file: larger than 32 MiB$/,
        "tooLarge",
      ],
      [
        JSON.stringify(deep).replace('"DEEP"', `${"[".repeat(10_000)}${"]".repeat(10_000)}`),
        /^records\.journeys\.0\.notes(\.0)+: nested deeper than \d+ levels$/,
        "tooDeep",
      ],
      [
        JSON.stringify(deep).replace('"DEEP"', `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`),
        /^records\.journeys\.0\.notes(\.a)+: nested deeper than \d+ levels$/,
        "tooDeep",
      ],
    ];
    for (const [body, message, problem] of cases) {
      const response = await importFile(server, body);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const answer = (await response.json()) as ApiError;
      expect(answer).toMatchObject({ error: "invalid-file", problem });
      expect(answer.message).toMatch(message);
    }
    expect(boardCount(server)).toBe(before);
    expect((await importFile(server, good)).status).toBe(201);
  });
});
