import { describe, expect, it } from "vitest";
import { NEAREST_CURSORS, PRESENCE_BATCH_MS, SESSION_FOLLOW, WORKSHOP_SESSION } from "@journeyboard/shared";
import { connectSynced } from "./support/client";
import { createBoard } from "./support/crash";
import {
  WATCHED,
  connectPeople,
  listsEveryone,
  point,
  pointerOf,
  presenceLog,
  shownBy,
  type Shown,
} from "./support/crowd";
import { eventually } from "./support/eventually";
import { startInstances } from "./support/instances";
import { postgresAvailable } from "./support/postgres";
import { redisAvailable, testRedis } from "./support/redis";
import { decodeMessage, type InstanceMessage } from "../src/scale/wire";
import { connectWorkshop } from "./support/voting";

describe.skipIf(!postgresAvailable || !redisAvailable)("presence across instances", () => {
  it("gives a viewer on one instance the cursors it can use of people on both, everyone's entry, in batches at most every 100 ms", async () => {
    const [a, b] = await startInstances(2);
    const board = await createBoard(a!.url);
    const workshop = await connectWorkshop(b!.url, board.id, board.links.viewer.token);
    // Half the people on each instance, in turn; the leader and the watcher on different ones.
    const people = await connectPeople([a!.url, b!.url], board.id, board.links.participant.token, 50);
    const leader = await connectSynced(a!.url, board.id, board.links.facilitator.token);
    leader.provider.setAwarenessField("user", { id: "lead", name: "Lead", department: "sales", colour: "#336699" });
    const log = presenceLog();
    const watcher = await connectSynced(b!.url, board.id, board.links.participant.token, { onFrame: log.onFrame });
    watcher.provider.setAwarenessField("view", WATCHED);
    people.forEach((person, i) => point(person, pointerOf(i)));
    point(leader, { x: 900_000, y: 500 });
    await eventually(() => expect(shownBy(watcher, leader.doc.clientID)?.user?.name).toBe("Lead"));
    leader.provider.sendStateless(JSON.stringify({ type: "follow.start" }));
    await eventually(() =>
      expect(workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_FOLLOW)).toMatchObject({ leader: "lead" }),
    );

    const fullCount = 10 + NEAREST_CURSORS;
    const culled = people.slice(fullCount).map((person) => person.doc.clientID);
    await listsEveryone(watcher, people);
    await eventually(() => {
      for (const [i, person] of people.entries()) {
        const shown = shownBy(watcher, person.doc.clientID);
        if (i < fullCount) expect(shown?.cursor).toEqual(pointerOf(i));
        else expect(shown).toEqual({ user: expect.objectContaining({ name: `Person ${i}` }) as Shown["user"] });
      }
      expect(shownBy(watcher, leader.doc.clientID)?.cursor).toEqual({ x: 900_000, y: 500 });
    });

    const heard: InstanceMessage[] = [];
    const redis = testRedis();
    await redis.connect();
    redis.on("messageBuffer", (_channel: Buffer, data: Buffer) => heard.push(decodeMessage(data)));
    await redis.subscribe(`${a!.env.REDIS_PREFIX!}:board:${board.id}`);
    const start = performance.now();
    const before = log.received.length;
    for (let step = 1; step <= 5; step++) {
      people.forEach((person, i) => person.provider.setAwarenessField("cursor", pointerOf(i, step)));
      await eventually(() => {
        // Person 0 is on the first instance, person 39 on the second.
        expect(shownBy(watcher, people[0]!.doc.clientID)?.cursor).toEqual(pointerOf(0, step));
        expect(shownBy(watcher, people[39]!.doc.clientID)?.cursor).toEqual(pointerOf(39, step));
      });
    }
    const batches = Math.ceil((performance.now() - start) / PRESENCE_BATCH_MS) + 1;
    expect(log.received.length - before).toBeLessThanOrEqual(batches);
    // Each instance publishes its people's moves of a batch as one message, not one per person (25 each).
    const published = heard.filter((message) => message.kind === "presence");
    expect(published.length).toBeLessThanOrEqual(2 * batches);
    // Before the watcher's view reached the server, it got the first 30 by client id: from then on, never the culled.
    for (const { entries } of log.received.slice(before)) {
      for (const entry of entries)
        if (culled.includes(entry.clientId)) expect(entry.state).not.toHaveProperty("cursor");
    }
    await listsEveryone(watcher, people);
  }, 60_000);
});
