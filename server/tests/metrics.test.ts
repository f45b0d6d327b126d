import { describe, expect, it } from "vitest";
import { recordsOf } from "@journeyboard/shared";
import { putCard } from "./support/cards";
import { connectClient, connectSynced } from "./support/client";
import { eventually } from "./support/eventually";
import { attack, setField } from "./support/hostile";
import { startTestServer, type TestServer } from "./support/server";

const METRICS_TOKEN = "a-long-metrics-token-for-tests";

/** Every sample of a scrape, keyed by its name and labels as written (`name{label="value"}`). */
async function scrape(server: TestServer): Promise<Map<string, number>> {
  const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const cut = line.lastIndexOf(" ");
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

const sample = (samples: Map<string, number>, key: string) => samples.get(key) ?? 0;

describe("GET /metrics", () => {
  it("counts real edits, refusals and connections, and shows no board's id or token", async () => {
    const server = await startTestServer({ METRICS_TOKEN });
    const created = await server.createBoard();
    const before = await scrape(server);

    const facilitator = await connectSynced(server.url, created.id, created.links.facilitator.token);
    const participant = await connectSynced(server.url, created.id, created.links.participant.token);
    for (const id of ["one", "two", "three"]) putCard(facilitator.doc, { id, text: id }, facilitator.origin);
    await eventually(() => expect(recordsOf(participant.doc, "cards").size).toBe(3));
    const refusal = await attack(server, created.id, created.links.participant.token, (client) =>
      setField(client, "cards", "one", "order", "~"),
    );
    expect(refusal.reason).toBe("invalid");
    const stranger = connectClient(server.url, created.id, "not-a-token-of-this-board");
    await eventually(() => expect(stranger.refusals).toContain("bad-token"));

    const after = await scrape(server);
    const moved = (key: string) => sample(after, key) - sample(before, key);
    expect(moved("journeyboard_updates_applied_total")).toBeGreaterThanOrEqual(3);
    expect(moved('journeyboard_refusals_total{kind="update",reason="invalid"}')).toBe(1);
    expect(moved('journeyboard_refusals_total{kind="connection",reason="bad-token"}')).toBeGreaterThanOrEqual(1);
    expect(moved("journeyboard_store_append_seconds_count")).toBeGreaterThanOrEqual(3);
    expect(sample(after, "journeyboard_connections")).toBeGreaterThanOrEqual(2);
    expect(sample(after, "journeyboard_boards_loaded")).toBe(1);
    expect(after.has("journeyboard_heavy_work_queued")).toBe(true);
    expect(after.has("nodejs_eventloop_lag_p99_seconds")).toBe(true);
    expect(after.has("process_cpu_seconds_total")).toBe(true);

    const text = [...after.keys()].join("\n");
    for (const secret of [created.id, ...Object.values(created.links).map((link) => link.token)]) {
      expect(text).not.toContain(secret);
    }
  });

  it("answers only the METRICS_TOKEN, as a Bearer token", async () => {
    const server = await startTestServer({ METRICS_TOKEN });
    const without = await fetch(`${server.url}/metrics`);
    expect(without.status).toBe(401);
    expect(without.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await without.json()).toMatchObject({ error: "bad-token" });
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer not-the-metrics-token" } });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${server.url}/metrics?token=${METRICS_TOKEN}`)).status).toBe(401);
  });

  it("is off without a METRICS_TOKEN", async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "not-found" });
  });
});
