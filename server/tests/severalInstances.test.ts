import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readAll, type CreateBoardResponse } from "@journeyboard/shared";
import { readAwareness } from "../src/gateway/frames";
import { decodeMessage, type InstanceMessage } from "../src/scale/wire";
import { putCard } from "./support/cards";
import { acknowledged, connectSynced, type TestClient } from "./support/client";
import { createBoard } from "./support/crash";
import { eventually } from "./support/eventually";
import { instanceIdOf, startInstances } from "./support/instances";
import { postgresAvailable } from "./support/postgres";
import { redisAvailable, testRedis } from "./support/redis";

const cardIds = (client: TestClient) =>
  readAll(client.doc, "cards")
    .map((card) => card.id)
    .sort();

const addCard = (client: TestClient, id: string) => putCard(client.doc, { id, text: id }, client.origin);

const sameState = (a: TestClient, b: TestClient) =>
  expect(Buffer.from(Y.encodeStateVector(a.doc))).toEqual(Buffer.from(Y.encodeStateVector(b.doc)));

/** Every message instances publish on a board's channel, heard through a connection of the test's own. */
async function listen(prefix: string, boardId: string): Promise<InstanceMessage[]> {
  const heard: InstanceMessage[] = [];
  const redis = testRedis();
  await redis.connect();
  redis.on("messageBuffer", (_channel: Buffer, data: Buffer) => heard.push(decodeMessage(data)));
  await redis.subscribe(`${prefix}:board:${boardId}`);
  return heard;
}

describe.skipIf(!postgresAvailable || !redisAvailable)("several instances on one database and one Redis", () => {
  it("show each client every other client's edits, whichever instance each is on", async () => {
    const instances = await startInstances(3);
    const board: CreateBoardResponse = await createBoard(instances[0]!.url);
    const token = board.links.participant.token;
    const clients = await Promise.all(instances.map((instance) => connectSynced(instance.url, board.id, token)));
    clients.forEach((client, i) => addCard(client, `card-${i}`));
    await Promise.all(clients.map(acknowledged));
    for (const client of clients)
      await eventually(() => expect(cardIds(client)).toEqual(["card-0", "card-1", "card-2"]));
    // One that joins later, on an instance that holds the board, gets it whole.
    const late = await connectSynced(instances[2]!.url, board.id, token);
    expect(cardIds(late)).toEqual(["card-0", "card-1", "card-2"]);
  }, 60_000);

  it("publish each edit once, from the instance that stored it, and nothing back", async () => {
    const instances = await startInstances(3);
    const board = await createBoard(instances[0]!.url);
    const token = board.links.participant.token;
    const clients = await Promise.all(instances.map((instance) => connectSynced(instance.url, board.id, token)));
    const heard = await listen(instances[0]!.env.REDIS_PREFIX!, board.id);
    // One edit per instance in turn, each once every client has the one before: an echo would come between.
    for (const [i, client] of clients.entries()) {
      addCard(client, `edit-${i}`);
      await acknowledged(client);
      await Promise.all(clients.map((other) => eventually(() => expect(cardIds(other)).toContain(`edit-${i}`))));
    }
    await eventually(() =>
      expect(heard.filter((m) => m.kind === "update").map((m) => m.from)).toEqual(instances.map(instanceIdOf)),
    );
  }, 60_000);

  it("show presence across instances without echoing it, and drop a killed instance's people", async () => {
    const instances = await startInstances(2);
    const [idA, idB] = instances.map(instanceIdOf);
    const board = await createBoard(instances[0]!.url);
    const token = board.links.participant.token;
    const [onA, onB] = await Promise.all(instances.map((instance) => connectSynced(instance.url, board.id, token)));
    const heard = await listen(instances[0]!.env.REDIS_PREFIX!, board.id);
    const ana = onA!.provider.awareness!.clientID;
    onA!.provider.setAwarenessField("user", { name: "Ana", department: "sales", colour: "#e11d48" });
    await eventually(() => expect(onB!.provider.awareness!.getStates().get(ana)?.user?.name).toBe("Ana"));
    // The server stamps the role from the token, on every instance.
    expect(onB!.provider.awareness!.getStates().get(ana)?.user?.role).toBe("participant");
    const bo = onB!.provider.awareness!.clientID;
    onB!.provider.setAwarenessField("user", { name: "Bo", department: "digital", colour: "#2563eb" });
    await eventually(() => expect(onA!.provider.awareness!.getStates().get(bo)?.user?.name).toBe("Bo"));
    // Each person's presence was published by their own instance only: Bo's came after any echo of Ana's would have.
    const publishersOf = (clientId: number) => [
      ...new Set(
        heard
          .filter((m) => m.kind === "presence" && readAwareness(m.update).some((entry) => entry.clientId === clientId))
          .map((m) => m.from),
      ),
    ];
    expect(publishersOf(ana)).toEqual([idA]);
    expect(publishersOf(bo)).toEqual([idB]);

    await instances[0]!.kill();
    await eventually(() => expect(onB!.provider.awareness!.getStates().has(ana)).toBe(false));
  }, 60_000);

  it("lose no acknowledged edit to a SIGKILL, and the killed instance's clients move on to another and converge", async () => {
    const [a, b] = await startInstances(2);
    const board = await createBoard(a!.url);
    const token = board.links.participant.token;
    const leaving = await connectSynced(a!.url, board.id, token);
    const moving = await connectSynced(a!.url, board.id, token, { moreServers: [b!.url] });
    const watching = await connectSynced(b!.url, board.id, token);
    const acknowledgedIds = Array.from({ length: 20 }, (_, i) => [`left-${i}`, `moved-${i}`]).flat();
    for (let i = 0; i < 20; i++) addCard(leaving, `left-${i}`);
    for (let i = 0; i < 20; i++) addCard(moving, `moved-${i}`);
    await Promise.all([acknowledged(leaving), acknowledged(moving)]);
    await a!.kill();
    // The leaving client never comes back; the moving one writes on while it has no server, then moves to b.
    leaving.disconnect();
    for (let i = 0; i < 5; i++) addCard(moving, `offline-${i}`);
    await acknowledged(moving);
    await eventually(() => sameState(moving, watching));
    const reader = await connectSynced(b!.url, board.id, token);
    for (const id of acknowledgedIds) expect(cardIds(reader)).toContain(id);
    expect(cardIds(reader)).toHaveLength(45);
  }, 60_000);

  it("read a board from the store again once their cut Redis subscription is back", async () => {
    const instances = await startInstances(2);
    const prefix = instances[0]!.env.REDIS_PREFIX!;
    const board = await createBoard(instances[0]!.url);
    const token = board.links.participant.token;
    const [onA, onB] = await Promise.all(instances.map((instance) => connectSynced(instance.url, board.id, token)));
    const redis = testRedis();
    await redis.connect();
    for (let attempt = 0; attempt < 5; attempt++) {
      // Both instances' subscriptions, once back from the last cut: they reconnect in their own time.
      const subscribers = await eventually(async () => {
        const list = (await redis.client("LIST")) as string;
        const ids = list
          .split("\n")
          .filter((line) => line.includes(` name=${prefix}:`) && line.includes(":subscriber "))
          .map((line) => /\bid=(\d+)/.exec(line)![1]!);
        expect(ids).toHaveLength(2);
        return ids;
      });
      for (const id of subscribers) await redis.client("KILL", "ID", id);
      const id = `while-cut-${attempt}`;
      addCard(onA!, id);
      await acknowledged(onA!);
      const [, listening] = (await redis.pubsub("NUMSUB", `${prefix}:board:${board.id}`)) as [string, number];
      await eventually(() => expect(cardIds(onB!)).toContain(id));
      // Published while nobody listened: only reading the store again brought it to b.
      if (Number(listening) === 0) return;
    }
    throw new Error("every edit was published after the subscriptions were back: the cut was never tried");
  }, 60_000);

  it("count new boards per address together: the limit holds whichever instance a request reaches", async () => {
    const [a, b] = await startInstances(2);
    const create = (url: string) =>
      fetch(`${url}/api/boards`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: "Counted" }),
      });
    // The default limit: 30 in 10 minutes, here half on each instance.
    for (let i = 0; i < 30; i++) expect((await create(i % 2 ? b!.url : a!.url)).status).toBe(201);
    for (const instance of [a!, b!]) {
      const refused = await create(instance.url);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  }, 60_000);
});
