import { describe, expect, it } from "vitest";
import { parseBoardFile } from "@journeyboard/shared";
import { eventually } from "./support/eventually";
import { startTestServer } from "./support/server";
import { addCards, connectVoter, connectWorkshop, roundsIn, startRound } from "./support/voting";

describe("board history", () => {
  it("lets the facilitator save named snapshots that any role lists and reads; a reveal saves one by itself", async () => {
    const server = await startTestServer();
    const board = await server.createBoard({ title: "History" });
    const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
    await addCards(facilitator, "irritants", ["fees"]);
    const api = (path: string, token: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/boards/${board.id}/snapshots${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      });

    const saved = await api("", board.links.facilitator.token, {
      method: "POST",
      body: JSON.stringify({ name: "Before voting" }),
    });
    expect(saved.status).toBe(201);
    const info = (await saved.json()) as { id: string; name: string; kind: string };
    expect(info).toMatchObject({ name: "Before voting", kind: "named" });
    const refused = await api("", board.links.participant.token, {
      method: "POST",
      body: JSON.stringify({ name: "x" }),
    });
    expect(refused.status).toBe(403);
    const unnamed = await api("", board.links.facilitator.token, {
      method: "POST",
      body: JSON.stringify({ name: " " }),
    });
    expect(unnamed.status).toBe(400);

    const file = parseBoardFile(await (await api(`/${info.id}`, board.links.viewer.token)).json());
    expect(file.ok && file.board.records.cards.map((c) => c.id)).toEqual(["fees"]);
    expect((await api("/nope", board.links.viewer.token)).status).toBe(404);
    expect((await api("", "wrong")).status).toBe(403);

    const workshop = await connectWorkshop(server.url, board.id, board.links.viewer.token);
    const round = await startRound(facilitator, workshop);
    facilitator.send({ type: "round.close", roundId: round.id });
    await eventually(() => expect(roundsIn(workshop)[0]?.status).toBe("closed"));
    facilitator.send({ type: "round.reveal", roundId: round.id });
    await eventually(async () => {
      const list = (await (await api("", board.links.participant.token)).json()) as Array<{
        name: string;
        kind: string;
      }>;
      expect(list.map((s) => [s.kind, s.name])).toEqual([
        ["auto", "Which irritants first?"],
        ["named", "Before voting"],
      ]);
    });
  });
});
