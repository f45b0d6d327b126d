import { describe, expect, it } from "vitest";
import {
  addActions,
  deleteJourney,
  deleteStage,
  exportBoard,
  readAll,
  recordsOf,
  restoreBoard,
  stagesOf,
  type ResyncMessage,
} from "@journeyboard/shared";
import * as Y from "yjs";
import { putCard } from "./support/cards";
import { connectSynced, type TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer, type TestServer } from "./support/server";

/** How long a bystander's edit may take to reach a colleague while someone attacks the board (generous: 2 shared cores). */
const LATENCY_BOUND_MS = 2_000;

async function board() {
  const server = await startTestServer();
  const created = await server.createBoard();
  const facilitator = await connectSynced(server.url, created.id, created.links.facilitator.token);
  const bystander = await connectSynced(server.url, created.id, created.links.participant.token);
  putCard(facilitator.doc, { id: "kept", text: "kept" }, facilitator.origin);
  addActions(facilitator.doc, { actions: [{ id: "first", createdAt: 1 }] }, facilitator.origin);
  await eventually(() => expect(recordsOf(bystander.doc, "actions").has("first")).toBe(true));
  return { server, created, facilitator, bystander };
}

/** Runs an attack from a fresh participant connection and answers the server's refusal. */
async function attack(server: TestServer, boardId: string, token: string, act: (client: TestClient) => void) {
  const refusals: ResyncMessage[] = [];
  const onStateless = (payload: string) => {
    const message = JSON.parse(payload) as ResyncMessage;
    if (message.type === "resync") refusals.push(message);
  };
  const attacker = await connectSynced(server.url, boardId, token, { onStateless });
  act(attacker);
  await eventually(() => expect(refusals).toHaveLength(1));
  attacker.disconnect();
  return refusals[0]!;
}

/** The server answers, a bystander's edit reaches the facilitator within the bound, and nothing was lost. */
async function stillServing(server: TestServer, facilitator: TestClient, bystander: TestClient, probe: string) {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  const start = performance.now();
  putCard(bystander.doc, { id: probe, text: probe }, bystander.origin);
  await eventually(() => expect(recordsOf(facilitator.doc, "cards").has(probe)).toBe(true));
  expect(performance.now() - start).toBeLessThan(LATENCY_BOUND_MS);
  expect(recordsOf(facilitator.doc, "cards").has("kept")).toBe(true);
  expect(readAll(facilitator.doc, "journeys")).toHaveLength(1);
}

const setField = (client: TestClient, root: "cards" | "actions", id: string, field: string, value: unknown) =>
  client.doc.transact(() => recordsOf(client.doc, root).get(id)!.set(field, value), client.origin);

describe("one person cannot take a workshop down", () => {
  it("refuses values the app cannot use and changes that are the facilitator's, from a participant", async () => {
    const { server, created, facilitator, bystander } = await board();
    const token = created.links.participant.token;
    const hits = async (act: (client: TestClient) => void) => attack(server, created.id, token, act);

    // An order key fractional-indexing refuses would make "Add card" throw in every browser.
    expect(await hits((c) => setField(c, "cards", "kept", "order", "~"))).toMatchObject({ reason: "invalid" });
    // Dots are counted by the server; the plan's order is the facilitator's, also for a new action.
    expect(await hits((c) => setField(c, "actions", "first", "dots", 99_999))).toMatchObject({ reason: "forbidden" });
    const before = (c: TestClient) =>
      c.doc.transact(() => {
        addActions(c.doc, { actions: [{ id: "pushy", createdAt: 1 }] }, c.origin);
        setField(c, "actions", "pushy", "order", "Zz");
      }, c.origin);
    expect(await hits(before)).toMatchObject({ reason: "forbidden" });
    // Deleting a journey, a stage with its cards, or restoring a snapshot wipes others' work.
    const journeyId = readAll(bystander.doc, "journeys")[0]!.id;
    expect(await hits((c) => deleteJourney(c.doc, { id: journeyId }, c.origin))).toMatchObject({ reason: "forbidden" });
    const stageId = stagesOf(bystander.doc, journeyId)[0]!.id;
    expect(await hits((c) => deleteStage(c.doc, { id: stageId }, c.origin))).toMatchObject({ reason: "forbidden" });
    const empty = exportBoard(new Y.Doc());
    expect(
      await hits((c) => restoreBoard(c.doc, { ...empty, meta: { ...exportBoard(c.doc).meta } }, c.origin)),
    ).toMatchObject({ reason: "forbidden" });

    // What the app offers a participant still works: an action added at the end of the plan, without dots.
    addActions(bystander.doc, { actions: [{ id: "last", createdAt: 2 }] }, bystander.origin);
    await eventually(() => expect(recordsOf(facilitator.doc, "actions").has("last")).toBe(true));
    await stillServing(server, facilitator, bystander, "probe");
    expect(recordsOf(facilitator.doc, "actions").get("first")!.get("dots")).toBe(0);
    expect(stagesOf(facilitator.doc, journeyId)[0]!.id).toBe(stageId);
  });

  it("refuses an imported board with an order key the app cannot use", async () => {
    const { server, facilitator } = await board();
    const file = exportBoard(facilitator.doc);
    file.records.cards = file.records.cards.map((card) => ({ ...card, order: "~" }));
    const response = await fetch(`${server.url}/api/boards/import`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(file),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid-file", message: expect.stringContaining("order") });
  });
});
