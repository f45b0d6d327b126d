import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { COLLAB_PATH, readAll } from "@journeyboard/shared";
import { putCard } from "./support/cards";
import { acknowledged, connectSynced } from "./support/client";
import { startTestServer } from "./support/server";

describe("stopping the server", () => {
  it("turns away a client that connects while it stops, and stops with every board stored", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const writer = await connectSynced(server.url, board.id, board.links.participant.token);
    putCard(writer.doc, { id: "kept", text: "kept" }, writer.origin);
    await acknowledged(writer);

    const stopping = server.close();
    const late = new WebSocket(`${server.url.replace(/^http/, "ws")}${COLLAB_PATH}`);
    const turnedAway = new Promise<boolean>((resolve) => {
      late.once("open", () => resolve(false));
      late.once("error", () => resolve(true));
    });
    await stopping;
    expect(await turnedAway).toBe(true);
    writer.disconnect();

    const again = await startTestServer({}, { dataDir: server.dataDir });
    const reader = await connectSynced(again.url, board.id, board.links.viewer.token);
    expect(readAll(reader.doc, "cards").map((card) => card.id)).toContain("kept");
  });
});
