import { describe, expect, it } from "vitest";
import { exportBoard } from "@journeyboard/shared";
import { connectSynced } from "./support/client";
import { startTestServer } from "./support/server";
import { stillServing } from "./support/hostile";
import { putCard } from "./support/cards";

const post = (url: string, body: string, type = "application/json") =>
  fetch(url, { method: "POST", headers: { "content-type": type }, body });

describe("one person cannot take a workshop down: requests", () => {
  it("takes JSON bodies only, and limits new boards per address, creations and imports together", async () => {
    const server = await startTestServer({}, { newBoardLimit: { boards: 3, seconds: 600 } });
    const title = JSON.stringify({ title: "Workshop" });

    const plain = await post(`${server.url}/api/boards`, title, "text/plain");
    expect(plain.status).toBe(415);
    expect(await plain.json()).toEqual({ error: "unsupported-media-type", message: "body: must be application/json" });

    const created = await server.createBoard();
    const facilitator = await connectSynced(server.url, created.id, created.links.facilitator.token);
    const bystander = await connectSynced(server.url, created.id, created.links.participant.token);
    putCard(facilitator.doc, { id: "kept", text: "kept" }, facilitator.origin);
    const file = JSON.stringify(exportBoard(facilitator.doc));
    expect((await post(`${server.url}/api/boards/import`, file, "text/plain")).status).toBe(415);
    expect((await post(`${server.url}/api/boards/import`, file)).status).toBe(201);
    expect((await post(`${server.url}/api/boards`, title)).status).toBe(201);

    const refused = await post(`${server.url}/api/boards/import`, file);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: "too-many-requests" });
    expect((await post(`${server.url}/api/boards`, title)).status).toBe(429);
    await stillServing(server, facilitator, bystander, "probe");
  });
});
