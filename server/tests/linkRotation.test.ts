import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { CLOSE_REASONS, LINK_REVOKED_CODE, type BoardLinks, type CreateBoardResponse } from "@journeyboard/shared";
import { connectSynced } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer, type TestServer } from "./support/server";
import { connectWorkshop } from "./support/voting";

const api = (server: TestServer, board: CreateBoardResponse, path: string, token: string, method = "GET") =>
  fetch(`${server.url}/api/boards/${board.id}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(method === "POST" ? { "content-type": "application/json" } : {}) },
    ...(method === "POST" ? { body: "{}" } : {}),
  });

async function linksOf(server: TestServer, board: CreateBoardResponse): Promise<BoardLinks> {
  const response = await api(server, board, "/links", board.links.facilitator.token);
  expect(response.status).toBe(200);
  return (await response.json()) as BoardLinks;
}

const sessionStatus = async (server: TestServer, board: CreateBoardResponse, token: string) =>
  (await api(server, board, "/session", token)).status;

describe("the facilitator's links", () => {
  it("are given again to the facilitator's token from any device, as they were when the board was created", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    expect(await linksOf(server, board)).toEqual({
      participant: { status: "on", ...board.links.participant },
      viewer: { status: "on", ...board.links.viewer },
    });
    for (const token of [board.links.participant.token, board.links.viewer.token]) {
      const response = await api(server, board, "/links", token);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: "forbidden" });
    }
  });

  it("rotated, stop opening the board at once: the open connections holding the old token are closed within a second, saying why", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const old = board.links.participant.token;
    const participant = await connectSynced(server.url, board.id, old);
    const workshop = await connectWorkshop(server.url, board.id, old);
    const viewer = await connectSynced(server.url, board.id, board.links.viewer.token);

    const rotatedAt = Date.now();
    const rotated = await api(server, board, "/links/participant/rotate", board.links.facilitator.token, "POST");
    expect(rotated.status).toBe(200);
    const links = (await rotated.json()) as BoardLinks;
    await eventually(() => {
      expect(participant.closes).toContainEqual({ code: LINK_REVOKED_CODE, reason: CLOSE_REASONS.linkRevoked });
      expect(workshop.closes).toContainEqual({ code: LINK_REVOKED_CODE, reason: CLOSE_REASONS.linkRevoked });
    });
    expect(Date.now() - rotatedAt).toBeLessThan(1000);
    // The old token is refused when the client comes back, and over HTTP.
    await eventually(() => expect(participant.refusals).toContain("bad-token"));
    expect(await sessionStatus(server, board, old)).toBe(403);
    expect((await api(server, board, "/export/board.json", old)).status).toBe(403);

    expect(links.participant).toMatchObject({ status: "on" });
    const fresh = links.participant.status === "on" ? links.participant.token : "";
    expect(fresh).not.toBe(old);
    expect(links.viewer).toEqual({ status: "on", ...board.links.viewer });
    expect(await linksOf(server, board)).toEqual(links);
    await connectSynced(server.url, board.id, fresh);
    expect(viewer.closes).toEqual([]);
  });

  it("revoked, open nothing until a new one is made, and the state holds across a restart", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const viewer = await connectSynced(server.url, board.id, board.links.viewer.token);
    const revoked = await api(server, board, "/links/viewer", board.links.facilitator.token, "DELETE");
    expect(await revoked.json()).toMatchObject({ viewer: { status: "off" }, participant: { status: "on" } });
    await eventually(() => expect(viewer.closes.map((c) => c.reason)).toContain(CLOSE_REASONS.linkRevoked));
    expect(await sessionStatus(server, board, board.links.viewer.token)).toBe(403);
    await server.close();

    const again = await startTestServer({}, { dataDir: server.dataDir });
    expect((await linksOf(again, board)).viewer).toEqual({ status: "off" });
    const made = await api(again, board, "/links/viewer/rotate", board.links.facilitator.token, "POST");
    const { viewer: link } = (await made.json()) as BoardLinks;
    expect(link.status).toBe("on");
    if (link.status === "on") expect(await sessionStatus(again, board, link.token)).toBe(200);
    expect(await sessionStatus(again, board, board.links.viewer.token)).toBe(403);
  });

  it("refuse a participant's or viewer's token, an unknown role and a body that is not JSON, and change nothing", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const before = await linksOf(server, board);
    for (const token of [board.links.participant.token, board.links.viewer.token]) {
      for (const role of ["participant", "viewer"]) {
        expect((await api(server, board, `/links/${role}/rotate`, token, "POST")).status).toBe(403);
        expect((await api(server, board, `/links/${role}`, token, "DELETE")).status).toBe(403);
      }
    }
    const facilitator = board.links.facilitator.token;
    expect((await api(server, board, "/links/facilitator/rotate", facilitator, "POST")).status).toBe(404);
    expect((await api(server, board, "/links/facilitator", facilitator, "DELETE")).status).toBe(404);
    const form = await fetch(`${server.url}/api/boards/${board.id}/links/participant/rotate`, {
      method: "POST",
      headers: { authorization: `Bearer ${facilitator}`, "content-type": "text/plain" },
      body: "{}",
    });
    expect(form.status).toBe(415);
    expect(await linksOf(server, board)).toEqual(before);
  });

  it("of a board made before links were derived say they cannot be shown, and work again once rotated", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    await server.close();
    // A board of an older version: random tokens, whose hashes alone are stored, and no link generations.
    const db = new Database(join(server.dataDir, "journeyboard.sqlite"));
    db.prepare("DELETE FROM board_links WHERE board_id = ?").run(board.id);
    db.close();

    const again = await startTestServer({}, { dataDir: server.dataDir });
    expect(await linksOf(again, board)).toEqual({ participant: { status: "unknown" }, viewer: { status: "unknown" } });
    expect(await sessionStatus(again, board, board.links.participant.token)).toBe(200);
    const made = await api(again, board, "/links/participant/rotate", board.links.facilitator.token, "POST");
    expect(((await made.json()) as BoardLinks).participant.status).toBe("on");
    expect(await sessionStatus(again, board, board.links.participant.token)).toBe(403);
  });
});
