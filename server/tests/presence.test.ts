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
  it("sends a moving pointer about 10 times a second, ending at its last position, and lists everyone", async () => {
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
    // A pointer moving at 100 Hz, as a mouse does: 30 moves, one every 10 ms.
    const start = performance.now();
    await new Promise<void>((resolve) => {
      let x = 0;
      const move = setInterval(() => {
        mover.provider.setAwarenessField("cursor", { x: ++x, y: 0 });
        if (x === 30) resolve(clearInterval(move));
      }, 10);
    });
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
