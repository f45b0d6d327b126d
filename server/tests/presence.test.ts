import { describe, expect, it } from "vitest";
import { PRESENCE_BATCH_MS } from "@journeyboard/shared";
import { connectSynced, type TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer } from "./support/server";

interface Shown {
  user?: { name: string; role?: string };
  cursor?: { x: number; y: number } | null;
}

const shownBy = (watcher: TestClient, shown: TestClient) =>
  watcher.provider.awareness!.getStates().get(shown.doc.clientID) as Shown | undefined;

describe("presence goes out in batches", () => {
  it("sends a moving pointer once per batch, ending at its last position, and lists everyone", async () => {
    const server = await startTestServer({}, { gateLimits: { presencePerSecond: 10_000 } });
    const board = await server.createBoard();
    const tokens = [board.links.participant.token, board.links.participant.token, board.links.viewer.token];
    const people = await Promise.all(tokens.map((token) => connectSynced(server.url, board.id, token)));
    people.forEach((person, i) =>
      person.provider.setAwarenessField("user", { name: `Person ${i}`, department: "sales", colour: "#336699" }),
    );
    await eventually(() => {
      for (const watcher of people) {
        for (const [i, shown] of people.entries()) expect(shownBy(watcher, shown)?.user?.name).toBe(`Person ${i}`);
      }
    });

    const [mover, watcher] = people as [TestClient, TestClient];
    const positions: number[] = [];
    watcher.provider.awareness!.on("update", ({ updated }: { updated: number[] }) => {
      if (updated.includes(mover.doc.clientID)) positions.push(shownBy(watcher, mover)?.cursor?.x ?? -1);
    });
    // A pointer moving faster than any batch: 30 moves sent at once, each a presence message of its own.
    const start = performance.now();
    for (let x = 1; x <= 30; x++) mover.provider.setAwarenessField("cursor", { x, y: 0 });
    await eventually(() => expect(shownBy(watcher, mover)?.cursor).toEqual({ x: 30, y: 0 }));
    // One message per batch: as many as the batch intervals the moves and their delivery took, never one per move.
    const batches = Math.ceil((performance.now() - start) / PRESENCE_BATCH_MS) + 1;
    expect(positions.length).toBeLessThanOrEqual(batches);
    expect(positions.length).toBeLessThan(30);
    expect(positions.at(-1)).toBe(30);
    expect(shownBy(people[2]!, mover)?.user).toEqual({
      name: "Person 0",
      department: "sales",
      colour: "#336699",
      role: "participant",
    });
  });
});
