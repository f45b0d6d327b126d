import { expect } from "vitest";
import { addActions, parseServerMessage, readAll, recordsOf, type ResyncMessage } from "@journeyboard/shared";
import type { GateLimits } from "../../src/gateway/limits";
import { putCard } from "./cards";
import { connectSynced, type TestClient } from "./client";
import { eventually } from "./eventually";
import { startTestServer, type TestServer } from "./server";

/*
 * What the tests of issue 12 ("one person cannot take a workshop down")
 * share: a board with a facilitator and a bystander, an attack from a
 * fresh connection, and the check that the workshop goes on.
 */

/** How long a bystander's edit may take to reach a colleague while someone attacks the board (generous: 2 shared cores). */
export const LATENCY_BOUND_MS = 2_000;

export async function board(gateLimits?: Partial<GateLimits>) {
  const server = await startTestServer({}, { gateLimits });
  const created = await server.createBoard();
  const facilitator = await connectSynced(server.url, created.id, created.links.facilitator.token);
  const bystander = await connectSynced(server.url, created.id, created.links.participant.token);
  putCard(facilitator.doc, { id: "kept", text: "kept" }, facilitator.origin);
  addActions(facilitator.doc, { actions: [{ id: "first", createdAt: 1 }] }, facilitator.origin);
  await eventually(() => expect(recordsOf(bystander.doc, "actions").has("first")).toBe(true));
  return { server, created, facilitator, bystander };
}

/** Runs an attack from a fresh participant connection and answers the server's refusal. */
export async function attack(server: TestServer, boardId: string, token: string, act: (client: TestClient) => void) {
  const refusals: ResyncMessage[] = [];
  const onStateless = (payload: string) => {
    const message = parseServerMessage(payload);
    if (message?.type === "resync") refusals.push(message);
  };
  const attacker = await connectSynced(server.url, boardId, token, { onStateless });
  act(attacker);
  await eventually(() => expect(refusals.length).toBeGreaterThan(0));
  attacker.disconnect();
  return refusals[0]!;
}

/** The server answers, a bystander's edit reaches the facilitator within the bound, and nothing was lost. */
export async function stillServing(
  server: TestServer,
  facilitator: TestClient,
  bystander: TestClient,
  probe: string,
  bound = LATENCY_BOUND_MS,
) {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  const start = performance.now();
  putCard(bystander.doc, { id: probe, text: probe }, bystander.origin);
  await eventually(() => expect(recordsOf(facilitator.doc, "cards").has(probe)).toBe(true));
  expect(performance.now() - start).toBeLessThan(bound);
  expect(recordsOf(facilitator.doc, "cards").has("kept")).toBe(true);
  expect(readAll(facilitator.doc, "journeys")).toHaveLength(1);
}

/** Writes one field as it is, past the operations and their checks. */
export const setField = (client: TestClient, root: "cards" | "actions", id: string, field: string, value: unknown) =>
  client.doc.transact(() => recordsOf(client.doc, root).get(id)!.set(field, value), client.origin);

/** Posts a board file to the import route. */
export const importFile = (server: TestServer, file: unknown) =>
  fetch(`${server.url}/api/boards/import`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(file),
  });
