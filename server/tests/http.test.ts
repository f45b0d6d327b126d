import { describe, expect, it } from "vitest";
import { ROLES, type CreateBoardResponse } from "@journeyboard/shared";
import { startTestServer } from "./support/server";

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/boards`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("HTTP contract", () => {
  it("answers /healthz with 200 and JSON while it can serve boards", async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("creates a board and answers 201 with a link and a distinct secret token per role", async () => {
    const server = await startTestServer({ PUBLIC_URL: "https://workshop.example.org/" });
    const response = await post(
      server.url,
      JSON.stringify({ title: "Summer dress", template: "serviceBlueprint", locale: "pl" }),
    );
    expect(response.status).toBe(201);
    const board = (await response.json()) as CreateBoardResponse;
    expect(board.id).toMatch(/^[\w-]{16}$/);
    const tokens = ROLES.map((role) => board.links[role].token);
    expect(new Set(tokens).size).toBe(3);
    for (const role of ROLES) {
      expect(board.links[role].url).toBe(`https://workshop.example.org/b/${board.id}#token=${board.links[role].token}`);
    }
  });

  it("starts each map type with the stages of its method: a day in the life runs through the day, unless asked otherwise", async () => {
    const server = await startTestServer();
    const stagesOf = async (body: Record<string, unknown>) => {
      const board = await server.createBoard({ title: "Stages", ...body });
      const csv = await fetch(
        `${server.url}/api/boards/${board.id}/export/journey.csv?token=${board.links.viewer.token}`,
      );
      return [
        ...new Set(
          (await csv.text())
            .split("\r\n")
            .slice(1, -1)
            .map((row) => row.split(",")[0]),
        ),
      ];
    };
    expect(await stagesOf({ template: "dayInTheLife" })).toEqual([
      "Morning",
      "Midday",
      "Afternoon",
      "Evening",
      "Night",
    ]);
    expect(await stagesOf({ template: "dayInTheLife", stageSet: "macro" })).toEqual([
      "Before purchase",
      "Purchase",
      "After purchase",
    ]);
    expect(await stagesOf({ template: "serviceBlueprint" })).toEqual([
      "Awareness",
      "Consideration",
      "Purchase",
      "Retention",
      "Advocacy",
    ]);
  });

  it("refuses a bad body with a 400 that names the field, and creates nothing", async () => {
    const server = await startTestServer();
    const missing = await post(server.url, JSON.stringify({ template: "currentState" }));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { message: string }).message).toMatch(/^title:/);
    const badTemplate = await post(server.url, JSON.stringify({ title: "x", template: "nonsense" }));
    expect(((await badTemplate.json()) as { message: string }).message).toMatch(/^template:/);
    const notJson = await post(server.url, "{not json");
    expect(notJson.status).toBe(400);
    const tooLong = await post(server.url, JSON.stringify({ title: "x".repeat(201) }));
    expect(tooLong.status).toBe(400);
    const tooLarge = await post(server.url, JSON.stringify({ title: "x", padding: "x".repeat(17 * 1024) }));
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.json()).toEqual({
      error: "invalid-request",
      message: "body: larger than 16 KiB",
      field: "body",
    });
  });

  it("requires the admin token to create boards when ADMIN_TOKEN is set", async () => {
    const adminToken = "a-long-admin-token-for-tests";
    const server = await startTestServer({ ADMIN_TOKEN: adminToken });
    const body = JSON.stringify({ title: "Board" });
    expect((await post(server.url, body)).status).toBe(401);
    expect((await post(server.url, body, { authorization: "Bearer wrong-token-of-some-length" })).status).toBe(401);
    expect((await post(server.url, body, { authorization: `Bearer ${adminToken}` })).status).toBe(201);
  });

  it("tells a token's role on its own board, and opens no other board with it", async () => {
    const server = await startTestServer();
    const a = await server.createBoard();
    const b = await server.createBoard();
    for (const role of ROLES) {
      const response = await fetch(`${server.url}/api/boards/${a.id}/session`, {
        headers: { authorization: `Bearer ${a.links[role].token}` },
      });
      expect(await response.json()).toEqual({
        id: a.id,
        title: "Test board",
        role,
        now: expect.any(Number),
        anonymous: false,
      });
    }
    const viaQuery = await fetch(`${server.url}/api/boards/${a.id}/session?token=${a.links.viewer.token}`);
    expect(((await viaQuery.json()) as { role: string }).role).toBe("viewer");
    const crossBoard = await fetch(`${server.url}/api/boards/${b.id}/session?token=${a.links.facilitator.token}`);
    expect(crossBoard.status).toBe(403);
    const unknown = await fetch(`${server.url}/api/boards/nope/session?token=${a.links.facilitator.token}`);
    expect(unknown.status).toBe(404);
  });

  it("sends a Content-Security-Policy that allows no foreign script, and workers only from the app", async () => {
    const server = await startTestServer();
    const csp = (await fetch(`${server.url}/healthz`)).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("object-src 'none'");
  });
});
