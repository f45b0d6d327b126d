import { describe, expect, it } from "vitest";
import {
  CLOSE_REASONS,
  LINK_REVOKED_CODE,
  MAX_INVITES,
  VOTE_REFUSALS,
  type BoardSession,
  type CreateBoardResponse,
  type DownloadTicket,
  type InvitedPerson,
  type PersonalLink,
  type PersonalLinks,
} from "@journeyboard/shared";
import { connectClient, connectSynced, type TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { ENGINES, testDatabase } from "./support/postgres";
import { startTestServer, type TestServer } from "./support/server";
import {
  addCards,
  closeAndReveal,
  connectVoter,
  connectWorkshop,
  last,
  rules,
  startRound,
  type VotingClient,
} from "./support/voting";

const KASIA: InvitedPerson = { name: "Kasia Nowak", department: "digital" };
const OMAR: InvitedPerson = { name: "Omar Haddad", department: "Claims desk" };

const serverOn = async (engine: (typeof ENGINES)[number]) =>
  startTestServer(engine === "postgres" ? { DATABASE_URL: await testDatabase() } : {});

function api(
  server: TestServer,
  board: CreateBoardResponse,
  path: string,
  token: string,
  method = "GET",
  body?: unknown,
) {
  return fetch(`${server.url}/api/boards/${board.id}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(method === "POST" ? { "content-type": "application/json" } : {}),
    },
    ...(method === "POST" ? { body: JSON.stringify(body ?? {}) } : {}),
  });
}

async function invite(server: TestServer, board: CreateBoardResponse, people: InvitedPerson[]): Promise<PersonalLinks> {
  const response = await api(server, board, "/personal-links", board.links.facilitator.token, "POST", { people });
  expect(response.status).toBe(200);
  return (await response.json()) as PersonalLinks;
}

async function listed(server: TestServer, board: CreateBoardResponse): Promise<PersonalLinks> {
  const response = await api(server, board, "/personal-links", board.links.facilitator.token);
  expect(response.status).toBe(200);
  return (await response.json()) as PersonalLinks;
}

const tokenOf = (link: PersonalLink | undefined): string => {
  if (link?.status !== "on") throw new Error(`no working link: ${JSON.stringify(link)}`);
  return link.token;
};

const session = async (server: TestServer, board: CreateBoardResponse, token: string) => {
  const response = await api(server, board, "/session", token);
  return { status: response.status, body: (await response.json()) as BoardSession };
};

interface Shown {
  user?: { name: string; department: string; role?: string; personId?: string };
}
const shownBy = (watcher: TestClient, shown: TestClient) =>
  watcher.provider.awareness!.getStates().get(shown.doc.clientID) as Shown | undefined;

describe.each(ENGINES)("personal links on %s", (engine) => {
  it("are made for a list of people, shown again from any device, and open the board as the invited person whatever the browser claims", async () => {
    const server = await serverOn(engine);
    const board = await server.createBoard();
    const made = await invite(server, board, [KASIA, OMAR]);
    expect(made.invites).toEqual([
      {
        id: expect.any(String),
        ...KASIA,
        status: "on",
        url: expect.stringContaining("#token="),
        token: expect.any(String),
      },
      {
        id: expect.any(String),
        ...OMAR,
        status: "on",
        url: expect.stringContaining("#token="),
        token: expect.any(String),
      },
    ]);
    expect(await listed(server, board)).toEqual(made);
    for (const token of [board.links.participant.token, board.links.viewer.token, tokenOf(made.invites[0])]) {
      expect((await api(server, board, "/personal-links", token)).status).toBe(403);
    }

    const kasiaToken = tokenOf(made.invites[0]);
    expect(await session(server, board, kasiaToken)).toMatchObject({
      status: 200,
      body: { role: "participant", invite: KASIA },
    });
    expect((await session(server, board, board.links.participant.token)).body.invite).toBeUndefined();

    const watcher = await connectSynced(server.url, board.id, board.links.facilitator.token);
    const kasia = await connectVoter(server.url, board.id, kasiaToken);
    kasia.hello("someone-elses-key", "sales", "Not Kasia");
    kasia.provider.setAwarenessField("user", { name: "Not Kasia", department: "sales", colour: "#336699" });
    await eventually(() => expect(kasia.personId()).toMatch(/^[0-9a-f]{64}$/));
    await eventually(() =>
      expect(shownBy(watcher, kasia)?.user).toEqual({
        ...KASIA,
        colour: "#336699",
        role: "participant",
        personId: kasia.personId(),
      }),
    );
  });

  it("count one person's dots once, whatever browsers and voter keys they vote from", async () => {
    const server = await serverOn(engine);
    const board = await server.createBoard();
    const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
    await addCards(facilitator, "irritants", ["fees", "queue", "forms"]);
    const workshop = await connectWorkshop(server.url, board.id, board.links.participant.token);
    const kasiaToken = tokenOf((await invite(server, board, [KASIA])).invites[0]);
    const laptop = await connectVoter(server.url, board.id, kasiaToken);
    const phone = await connectVoter(server.url, board.id, kasiaToken);
    laptop.hello("laptop-key", "sales", "Laptop");
    phone.hello("phone-key", "marketing", "Phone");
    await eventually(() => expect(phone.personId()).toMatch(/^[0-9a-f]{64}$/));
    expect(phone.personId()).toBe(laptop.personId());
    const round = await startRound(facilitator, workshop, rules({ budgets: { irritants: 2 }, capPerCard: 1 }));

    const vote = async (who: VotingClient, cardId: string, requestId: string) => {
      who.send({ type: "vote.add", roundId: round.id, cardId, requestId });
      return eventually(() => {
        const reply = who.messages.find((m) => ("requestId" in m && m.requestId === requestId) || m.type === "refused");
        if (!reply) throw new Error("no answer yet");
        who.messages.splice(who.messages.indexOf(reply), 1);
        return reply;
      });
    };
    expect(await vote(laptop, "fees", "l1")).toMatchObject({ type: "vote.mine", left: { irritants: 1 } });
    // The phone is the same person: the cap on the card and the budget are already half used.
    expect(await vote(phone, "fees", "p1")).toMatchObject({ type: "refused", reason: VOTE_REFUSALS.cap });
    expect(await vote(phone, "queue", "p2")).toMatchObject({ left: { irritants: 0 }, dots: { fees: 1, queue: 1 } });
    expect(await vote(laptop, "forms", "l2")).toMatchObject({ type: "refused", reason: VOTE_REFUSALS.budget });

    await eventually(() =>
      expect(last(facilitator, "round.progress")?.people).toEqual([
        { participantId: laptop.personId(), ...KASIA, used: 2, budget: 2 },
      ]),
    );
    const revealed = await closeAndReveal(facilitator, workshop, round.id);
    expect(revealed.voters).toBe(1);
    expect(revealed.tallies?.map(({ cardId, dots, byDepartment }) => ({ cardId, dots, byDepartment }))).toEqual(
      expect.arrayContaining([
        { cardId: "fees", dots: 1, byDepartment: { digital: 1 } },
        { cardId: "queue", dots: 1, byDepartment: { digital: 1 } },
      ]),
    );
  });

  it("revoked, close the connections holding it within a second and are refused on the socket and over HTTP, until issued again", async () => {
    const server = await serverOn(engine);
    const board = await server.createBoard();
    const made = await invite(server, board, [KASIA, OMAR]);
    const [kasiaLink, omarLink] = made.invites as [PersonalLink, PersonalLink];
    const kasiaToken = tokenOf(kasiaLink);
    const kasia = await connectSynced(server.url, board.id, kasiaToken);
    const kasiaWorkshop = await connectWorkshop(server.url, board.id, kasiaToken);
    const omar = await connectSynced(server.url, board.id, tokenOf(omarLink));
    const participant = await connectSynced(server.url, board.id, board.links.participant.token);
    const asked = await api(server, board, "/downloads", kasiaToken, "POST");
    expect(asked.status).toBe(201);
    const { ticket } = (await asked.json()) as DownloadTicket;

    const revokedAt = Date.now();
    const revoked = await api(
      server,
      board,
      `/personal-links/${kasiaLink.id}`,
      board.links.facilitator.token,
      "DELETE",
    );
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as PersonalLinks).invites).toEqual([
      { id: kasiaLink.id, ...KASIA, status: "off" },
      omarLink,
    ]);
    await eventually(() => {
      expect(kasia.closes).toContainEqual({ code: LINK_REVOKED_CODE, reason: CLOSE_REASONS.linkRevoked });
      expect(kasiaWorkshop.closes).toContainEqual({ code: LINK_REVOKED_CODE, reason: CLOSE_REASONS.linkRevoked });
    });
    expect(Date.now() - revokedAt).toBeLessThan(1000);
    await eventually(() => expect(kasia.refusals).toContain("bad-token"));
    expect((await session(server, board, kasiaToken)).status).toBe(403);
    expect((await api(server, board, "/export/board.json", kasiaToken)).status).toBe(403);
    // Nor a download ticket asked for with it before.
    const download = await fetch(`${server.url}/api/boards/${board.id}/export/board.json?ticket=${ticket}`);
    expect(download.status).toBe(403);
    expect(omar.closes).toEqual([]);
    expect(participant.closes).toEqual([]);

    const reissued = await api(
      server,
      board,
      `/personal-links/${kasiaLink.id}/reissue`,
      board.links.facilitator.token,
      "POST",
    );
    expect(reissued.status).toBe(200);
    const fresh = tokenOf(((await reissued.json()) as PersonalLinks).invites[0]);
    expect(fresh).not.toBe(kasiaToken);
    expect(await session(server, board, fresh)).toMatchObject({ status: 200, body: { invite: KASIA } });
    expect((await session(server, board, kasiaToken)).status).toBe(403);
    await connectSynced(server.url, board.id, fresh);
    expect((await listed(server, board)).invites.map((link) => link.status)).toEqual(["on", "on"]);
  });

  it("refuse a made-up token and another board's personal link", async () => {
    const server = await serverOn(engine);
    const board = await server.createBoard();
    const other = await server.createBoard({ title: "Another workshop" });
    await invite(server, board, [KASIA]);
    const elsewhere = tokenOf((await invite(server, other, [OMAR])).invites[0]);
    for (const token of ["made-up-personal-token-0123456789abcdef", elsewhere]) {
      const client = connectClient(server.url, board.id, token);
      await eventually(() => expect(client.refusals).toContain("bad-token"));
      expect((await session(server, board, token)).status).toBe(403);
    }
  });

  it("refuse a bad list with a clear 400, an unknown invite with a 404, anyone but the facilitator, and change nothing", async () => {
    const server = await serverOn(engine);
    const board = await server.createBoard();
    const before = await invite(server, board, [KASIA]);
    const facilitator = board.links.facilitator.token;
    const refusal = async (body: unknown) => {
      const response = await api(server, board, "/personal-links", facilitator, "POST", body);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await refusal({ people: [] })).toMatchObject({
      status: 400,
      body: { error: "invalid-request", field: "people" },
    });
    expect(await refusal({ people: [{ name: "x".repeat(61), department: "sales" }] })).toMatchObject({
      status: 400,
      body: { error: "invalid-request", field: "people.0.name" },
    });
    expect(await refusal({ people: [KASIA, { name: "Lena", department: " " }] })).toMatchObject({
      status: 400,
      body: { error: "invalid-request", field: "people.1.department" },
    });
    const crowd = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ name: `Person ${i}`, department: "sales" }));
    expect(await refusal({ people: crowd(MAX_INVITES + 1) })).toMatchObject({
      status: 400,
      body: { error: "invalid-request", field: "people" },
    });
    // One already invited: the board has room for MAX_INVITES - 1 more, not MAX_INVITES.
    expect(await refusal({ people: crowd(MAX_INVITES) })).toMatchObject({
      status: 400,
      body: { error: "too-many-invites" },
    });
    const form = await fetch(`${server.url}/api/boards/${board.id}/personal-links`, {
      method: "POST",
      headers: { authorization: `Bearer ${facilitator}`, "content-type": "text/plain" },
      body: JSON.stringify({ people: [OMAR] }),
    });
    expect(form.status).toBe(415);
    for (const token of [board.links.participant.token, tokenOf(before.invites[0])]) {
      expect((await api(server, board, "/personal-links", token, "POST", { people: [OMAR] })).status).toBe(403);
      const id = before.invites[0]!.id;
      expect((await api(server, board, `/personal-links/${id}`, token, "DELETE")).status).toBe(403);
    }
    const unknown = await api(server, board, "/personal-links/no-such-invite", facilitator, "DELETE");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: "unknown-invite" });
    const unknownReissue = await api(server, board, "/personal-links/no-such-invite/reissue", facilitator, "POST");
    expect(unknownReissue.status).toBe(404);
    expect(await listed(server, board)).toEqual(before);

    const full = await invite(server, board, crowd(MAX_INVITES - 1));
    expect(full.invites).toHaveLength(MAX_INVITES);
  });
});
