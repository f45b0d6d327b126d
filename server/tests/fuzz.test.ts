import { describe, expect, it } from "vitest";
import { exportBoard } from "@journeyboard/shared";
import { connectSynced } from "./support/client";
import { authFrame, fuzz, recordFrames } from "./support/fuzz";
import { startTestServer } from "./support/server";

describe("fuzzed frames", () => {
  it("leave the server up and change no other board, before and after authentication", async () => {
    const server = await startTestServer();
    const target = await server.createBoard({ title: "Fuzzed" });
    const other = await server.createBoard({ title: "Untouched" });
    const watcher = await connectSynced(server.url, other.id, other.links.facilitator.token);
    const before = JSON.stringify(exportBoard(watcher.doc));
    const corpus = await recordFrames(server.url, target.id, target.links.participant.token);
    expect(corpus.length).toBeGreaterThan(10);

    const report = await fuzz({
      url: server.url,
      seed: 424242,
      frames: 20_000,
      corpus,
      boardId: target.id,
      viewerAuth: authFrame(target.id, target.links.viewer.token),
      otherBoardId: other.id,
    });
    expect(report.sent).toBe(20_000);

    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const after = await connectSynced(server.url, other.id, other.links.viewer.token);
    expect(JSON.stringify(exportBoard(after.doc))).toBe(before);
    expect(JSON.stringify(exportBoard(watcher.doc))).toBe(before);
  }, 60_000);
});
