import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AUTH_FAILURES, readRecord, workshopDocumentName } from "@journeyboard/shared";
import { acknowledged, connectClient, connectSynced, type TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer } from "./support/server";
import { putCard } from "./support/cards";

function addTestCard(client: TestClient, id: string, text: string) {
  putCard(client.doc, { id, text, authorName: "Ola" }, client.origin);
}

describe("BoardAccess", () => {
  it("lets a facilitator and a participant edit one board live", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const facilitator = await connectSynced(server.url, board.id, board.links.facilitator.token);
    const participant = await connectSynced(server.url, board.id, board.links.participant.token);
    addTestCard(participant, "card-1", "I look for a summer dress");
    await eventually(() =>
      expect(readRecord(facilitator.doc, "cards", "card-1")?.text).toBe("I look for a summer dress"),
    );
  });

  it("refuses a viewer's changes on the server: nobody else sees them and they are not stored", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const viewer = await connectSynced(server.url, board.id, board.links.viewer.token);
    const participant = await connectSynced(server.url, board.id, board.links.participant.token);
    addTestCard(viewer, "forged", "should never land");
    addTestCard(participant, "marker", "after the forgery");
    await eventually(() => expect(readRecord(viewer.doc, "cards", "marker")).toBeDefined());
    expect(readRecord(participant.doc, "cards", "forged")).toBeUndefined();
    const late = await connectSynced(server.url, board.id, board.links.facilitator.token);
    expect(readRecord(late.doc, "cards", "marker")).toBeDefined();
    expect(readRecord(late.doc, "cards", "forged")).toBeUndefined();
  });

  it("refuses a wrong token, a token of another board (whatever the document name says) and an unknown board", async () => {
    const server = await startTestServer();
    const a = await server.createBoard();
    const b = await server.createBoard();
    const wrong = connectClient(server.url, a.id, "not-a-real-token");
    const crossBoard = connectClient(server.url, b.id, a.links.facilitator.token);
    const unknown = connectClient(server.url, "no-such-board-id", a.links.facilitator.token);
    const otherWorkshop = connectClient(server.url, workshopDocumentName(b.id), a.links.facilitator.token);
    const dressedUp = connectClient(server.url, `${b.id}/workshop/../${a.id}`, a.links.facilitator.token);
    await eventually(() => {
      expect(wrong.refusals).toContain(AUTH_FAILURES.badToken);
      expect(crossBoard.refusals).toContain(AUTH_FAILURES.badToken);
      expect(unknown.refusals).toContain(AUTH_FAILURES.unknownBoard);
      expect(otherWorkshop.refusals).toContain(AUTH_FAILURES.badToken);
      expect(dressedUp.refusals).toContain(AUTH_FAILURES.unknownBoard);
    });
    for (const client of [wrong, crossBoard, unknown, otherWorkshop, dressedUp])
      expect(Y.encodeStateAsUpdate(client.doc).byteLength).toBeLessThan(3);
  });

  it("tells a client built for an older schema to reload, before it syncs", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const outdated = connectClient(server.url, board.id, board.links.participant.token, { schema: 1 });
    await eventually(() => expect(outdated.refusals).toContain(AUTH_FAILURES.clientOutdated));
    expect(outdated.provider.isSynced).toBe(false);
  });

  it("acknowledges a participant's edit only once the server has it", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const participant = await connectSynced(server.url, board.id, board.links.participant.token);
    addTestCard(participant, "acked", "stored");
    await acknowledged(participant);
    const document = server.hocuspocus.documents.get(board.id)!;
    expect(readRecord(document, "cards", "acked")?.text).toBe("stored");
  });
});
