import { describe, expect, it } from "vitest";
import { addCard, deleteStage, lanesOf, readAll, readRecord, settledViolations, stagesOf } from "@journeyboard/shared";
import { connectSynced } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer } from "./support/server";

describe("BoardInvariants", () => {
  it("removes a card dropped into a stage that someone else deleted at the same moment", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const alice = await connectSynced(server.url, board.id, board.links.facilitator.token);
    const bob = await connectSynced(server.url, board.id, board.links.participant.token);
    const journeyId = readAll(bob.doc, "journeys")[0]!.id;
    const stage = stagesOf(bob.doc, journeyId)[0]!;
    const lane = lanesOf(bob.doc, journeyId)[0]!;

    await bob.goOffline();
    await eventually(() => expect(server.hocuspocus.documents.get(board.id)!.getConnectionsCount()).toBe(1));
    addCard(
      bob.doc,
      {
        id: "late",
        journeyId,
        stageId: stage.id,
        laneId: lane.id,
        text: "dropped late",
        authorName: "",
        authorDepartment: "sales",
        createdAt: 1,
      },
      bob.origin,
    );
    deleteStage(alice.doc, { id: stage.id }, alice.origin);
    await eventually(() =>
      expect(readRecord(server.hocuspocus.documents.get(board.id)!, "stages", stage.id)?.deleted).toBe(true),
    );
    bob.goOnline();

    await eventually(() => {
      expect(readRecord(bob.doc, "stages", stage.id)?.deleted).toBe(true);
      expect(readRecord(bob.doc, "cards", "late")).toBeUndefined();
    });
    expect(readRecord(alice.doc, "cards", "late")).toBeUndefined();
    expect(settledViolations(alice.doc)).toEqual([]);
    expect(settledViolations(bob.doc)).toEqual([]);
  });
});
