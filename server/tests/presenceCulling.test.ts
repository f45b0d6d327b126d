import { MessageType } from "@hocuspocus/server";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { outdatedTimeout } from "y-protocols/awareness";
import {
  NEAREST_CURSORS,
  PRESENCE_BATCH_MS,
  PRESENCE_RENEW_MS,
  SESSION_FOLLOW,
  WORKSHOP_SESSION,
} from "@journeyboard/shared";
import { connectSynced } from "./support/client";
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
import { startTestServer } from "./support/server";
import { connectWorkshop } from "./support/voting";

describe("each person receives the cursors they can use, and everyone's entry", () => {
  it("gives a viewer the cursors in its view, the nearest 30, the leader and whom it follows, in batches at most every 100 ms", async () => {
    const server = await startTestServer({}, { gateLimits: { presencePerSecond: 10_000 } });
    const board = await server.createBoard();
    const workshop = await connectWorkshop(server.url, board.id, board.links.viewer.token);
    const people = await connectPeople([server.url], board.id, board.links.participant.token, 60);
    const leader = await connectSynced(server.url, board.id, board.links.facilitator.token);
    leader.provider.setAwarenessField("user", { id: "lead", name: "Lead", department: "sales", colour: "#336699" });
    const log = presenceLog();
    const watcher = await connectSynced(server.url, board.id, board.links.participant.token, { onFrame: log.onFrame });
    watcher.provider.setAwarenessField("user", { id: "watcher", name: "W", department: "sales", colour: "#336699" });
    watcher.provider.setAwarenessField("view", WATCHED);
    watcher.provider.setAwarenessField("following", "p55");
    people.forEach((person, i) => point(person, pointerOf(i)));
    point(leader, { x: 900_000, y: 500 });
    // "Follow me" names the leader by the presence the server holds of them: sent once it arrived.
    await eventually(() => expect(shownBy(watcher, leader.doc.clientID)?.user?.name).toBe("Lead"));
    leader.provider.sendStateless(JSON.stringify({ type: "follow.start" }));
    await eventually(() =>
      expect(workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_FOLLOW)).toMatchObject({ leader: "lead" }),
    );

    const full = new Set([...Array.from({ length: 10 + NEAREST_CURSORS }, (_, i) => i), 55]);
    const culled = people.filter((_, i) => !full.has(i)).map((person) => person.doc.clientID);
    expect(culled).toHaveLength(19);
    await listsEveryone(watcher, people);
    await eventually(() => {
      for (const [i, person] of people.entries()) {
        const shown = shownBy(watcher, person.doc.clientID);
        if (full.has(i)) expect(shown?.cursor).toEqual(pointerOf(i));
        else expect(shown).toEqual({ user: expect.objectContaining({ name: `Person ${i}` }) as Shown["user"] });
      }
      expect(shownBy(watcher, leader.doc.clientID)?.cursor).toEqual({ x: 900_000, y: 500 });
    });

    // Everyone moves, ten times; no pointer of the culled ever reaches the watcher, and it gets one message a batch at most.
    const seenCulled: unknown[] = [];
    watcher.provider.awareness!.on("change", () => {
      for (const clientId of culled) {
        const shown = shownBy(watcher, clientId);
        if (shown?.cursor || shown?.view) seenCulled.push(shown);
      }
    });
    const start = performance.now();
    const before = log.received.length;
    for (let step = 1; step <= 10; step++) {
      people.forEach((person, i) => person.provider.setAwarenessField("cursor", pointerOf(i, step)));
      await eventually(() => {
        expect(shownBy(watcher, people[0]!.doc.clientID)?.cursor).toEqual(pointerOf(0, step));
        expect(shownBy(watcher, people[39]!.doc.clientID)?.cursor).toEqual(pointerOf(39, step));
      });
    }
    const messages = log.received.length - before;
    expect(messages).toBeLessThanOrEqual(Math.ceil((performance.now() - start) / PRESENCE_BATCH_MS) + 1);
    expect(seenCulled).toEqual([]);
    // What went to the watcher while they moved: the full entries' pointers only, never the culled people's.
    for (const { entries } of log.received.slice(before)) {
      for (const entry of entries) {
        if (culled.includes(entry.clientId)) expect(entry.state).not.toHaveProperty("cursor");
      }
    }
    await listsEveryone(watcher, people);
  });

  it("gives a newcomer, and a client asking again, everyone's entry at once, with the cursors of the nearest 30 only", async () => {
    const server = await startTestServer({}, { gateLimits: { presencePerSecond: 10_000 } });
    const board = await server.createBoard();
    const people = await connectPeople([server.url], board.id, board.links.participant.token, 50);
    people.forEach((person, i) => point(person, pointerOf(i)));
    // Everyone's presence is on the server once one of them lists everyone.
    await listsEveryone(people[0]!, people);

    const log = presenceLog();
    const newcomer = await connectSynced(server.url, board.id, board.links.participant.token, { onFrame: log.onFrame });
    await listsEveryone(newcomer, people);
    const first = log.received[0]!;
    expect(new Set(first.entries.map((entry) => entry.clientId))).toEqual(
      new Set(people.map((person) => person.doc.clientID)),
    );
    expect(first.entries.filter((entry) => (entry.state as Shown).cursor).length).toBe(NEAREST_CURSORS);

    // Asking for everyone's presence again brings all of it once more, culled the same way.
    const asked = log.received.length;
    const query = encoding.createEncoder();
    encoding.writeVarString(query, board.id);
    encoding.writeVarUint(query, MessageType.QueryAwareness);
    newcomer.sendRaw(encoding.toUint8Array(query));
    await eventually(() => expect(log.received.slice(asked).some(({ entries }) => entries.length === 50)).toBe(true));
    const again = log.received.slice(asked).find(({ entries }) => entries.length === 50)!;
    expect(again.entries.filter((entry) => (entry.state as Shown).cursor).length).toBe(NEAREST_CURSORS);
  });

  it("sends the culled people's entries again well within the 30 s after which a client forgets them", async () => {
    expect(PRESENCE_RENEW_MS + PRESENCE_BATCH_MS).toBeLessThan(outdatedTimeout / 2);
    // The schedule at a tenth of its pace: renewed every second instead of every ten.
    const renewMs = 1000;
    const server = await startTestServer(
      {},
      { gateLimits: { presencePerSecond: 10_000 }, presenceTiming: { batchMs: PRESENCE_BATCH_MS, renewMs } },
    );
    const board = await server.createBoard();
    const people = await connectPeople([server.url], board.id, board.links.participant.token, 45);
    people.forEach((person, i) => point(person, pointerOf(i)));
    const log = presenceLog();
    const watcher = await connectSynced(server.url, board.id, board.links.participant.token, { onFrame: log.onFrame });
    watcher.provider.setAwarenessField("view", WATCHED);
    const culled = people.slice(10 + NEAREST_CURSORS).map((person) => person.doc.clientID);
    await eventually(() => {
      for (const clientId of culled) expect(shownBy(watcher, clientId)).toEqual({ user: expect.anything() as unknown });
    });

    // Nobody moves now: what reaches the watcher of the culled is their renewal alone.
    const quiet = performance.now();
    const received = (clientId: number) =>
      log.received.flatMap(({ at, entries }) =>
        entries.filter((entry) => entry.clientId === clientId && at > quiet).map((entry) => ({ at, entry })),
      );
    await eventually(() => {
      for (const clientId of culled) expect(received(clientId).length).toBeGreaterThanOrEqual(3);
    });
    const awareness = watcher.provider.awareness!;
    for (const clientId of culled) {
      const sent = received(clientId);
      for (const [k, { at, entry }] of sent.entries()) {
        expect(entry.state).not.toHaveProperty("cursor");
        if (k === 0) continue;
        const previous = sent[k - 1]!;
        expect(at - previous.at).toBeGreaterThan(renewMs - PRESENCE_BATCH_MS);
        expect(at - previous.at).toBeLessThan(renewMs + 5 * PRESENCE_BATCH_MS);
        // A higher clock each time, so the client takes it as news and counts its 30 s again from it.
        expect(entry.clock).toBeGreaterThan(previous.entry.clock);
      }
      expect(awareness.meta.get(clientId)!.clock).toBe(sent.at(-1)!.entry.clock);
    }
  });
});
