import { describe, expect, it } from "vitest";
import type { CreateBoardResponse, DownloadTicket } from "@journeyboard/shared";
import { postgresAvailable, testDatabase } from "./support/postgres";
import { startTestServer, tempDataDir, type TestServer } from "./support/server";

const askTicket = async (server: TestServer, board: CreateBoardResponse, token: string) =>
  fetch(`${server.url}/api/boards/${board.id}/downloads`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
  });

const ticketFor = async (server: TestServer, board: CreateBoardResponse) => {
  const answer = await askTicket(server, board, board.links.viewer.token);
  expect(answer.status).toBe(201);
  return ((await answer.json()) as DownloadTicket).ticket;
};

const withTicket = (server: TestServer, boardId: string, file: string, ticket: string) =>
  fetch(`${server.url}/api/boards/${boardId}/export/${file}?ticket=${encodeURIComponent(ticket)}`);

describe("downloads without the token in the URL", () => {
  it("downloads once with a ticket asked for with the token in a header", async () => {
    const server = await startTestServer();
    const board = await server.createBoard({ title: "Tickets" });
    const ticket = await ticketFor(server, board);
    expect(ticket).not.toContain(board.links.viewer.token);

    const first = await withTicket(server, board.id, "board.json", ticket);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { meta: { title: string } }).meta.title).toBe("Tickets");

    const again = await withTicket(server, board.id, "board.json", ticket);
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({ error: "bad-ticket" });
  });

  it("refuses a ticket of another board, an expired one, a made-up one, and a ticket asked for with a wrong token", async () => {
    let now = 1_000_000;
    const server = await startTestServer({}, { clock: () => now });
    const board = await server.createBoard();
    const other = await server.createBoard();

    const others = await ticketFor(server, other);
    expect((await withTicket(server, board.id, "action-plan.csv", others)).status).toBe(403);
    expect((await withTicket(server, other.id, "action-plan.csv", others)).status).toBe(200);

    const late = await ticketFor(server, board);
    now += 61_000;
    expect((await withTicket(server, board.id, "action-plan.csv", late)).status).toBe(403);
    expect((await withTicket(server, board.id, "action-plan.csv", "made-up")).status).toBe(403);

    const wrong = await askTicket(server, board, other.links.facilitator.token);
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: "bad-token" });
  });

  it("keeps an unused ticket in the board database: it opens its download after a restart", async () => {
    const dataDir = tempDataDir();
    const before = await startTestServer({}, { dataDir });
    const board = await before.createBoard({ title: "Kept" });
    const ticket = await ticketFor(before, board);
    await before.close();

    const after = await startTestServer({}, { dataDir });
    expect((await withTicket(after, board.id, "board.json", ticket)).status).toBe(200);
    expect((await withTicket(after, board.id, "board.json", ticket)).status).toBe(403);
  });

  it("drops a role's unused tickets when its link is rotated", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const ticket = await ticketFor(server, board);
    const rotated = await fetch(`${server.url}/api/boards/${board.id}/links/viewer/rotate`, {
      method: "POST",
      headers: { authorization: `Bearer ${board.links.facilitator.token}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(rotated.status).toBe(200);
    expect((await withTicket(server, board.id, "board.json", ticket)).status).toBe(403);
  });
});

describe.skipIf(!postgresAvailable)("downloads across instances", () => {
  it("opens the download on one instance with a ticket asked for on another", async () => {
    const DATABASE_URL = await testDatabase();
    const [one, two] = await Promise.all([startTestServer({ DATABASE_URL }), startTestServer({ DATABASE_URL })]);
    const board = await one.createBoard({ title: "Shared" });
    const ticket = await ticketFor(one, board);
    const answer = await withTicket(two, board.id, "board.json", ticket);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { meta: { title: string } }).meta.title).toBe("Shared");
    expect((await withTicket(one, board.id, "board.json", ticket)).status).toBe(403);
  });
});
