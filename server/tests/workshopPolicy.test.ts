import { describe, expect, it } from "vitest";
import {
  COMMAND_NAMES,
  COMMAND_REFUSALS,
  SESSION_PHASE,
  SESSION_TIMER,
  WORKSHOP_SESSION,
  mayCommand,
  type CommandName,
  type CommandOf,
  type Role,
} from "@journeyboard/shared";
import type { TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer, type TestServer } from "./support/server";
import { addCards, connectVoter, connectWorkshop, rules, startRound } from "./support/voting";

/** A valid instance of every command: the type fails to check when a command is added without one. */
const examples = (roundId: string): { [K in CommandName]: CommandOf<K> } => ({
  "vote.hello": { type: "vote.hello", voterKey: "a-voter-key-of-16+", name: "Ola", department: "sales" },
  "vote.add": { type: "vote.add", roundId, cardId: "fees", requestId: "add" },
  "vote.remove": { type: "vote.remove", roundId, cardId: "fees", requestId: "remove" },
  "round.start": { type: "round.start", rules: rules({ title: "Forged" }) },
  "round.close": { type: "round.close", roundId },
  "round.reveal": { type: "round.reveal", roundId },
  "phase.set": { type: "phase.set", phase: "discuss" },
  "timer.start": { type: "timer.start", seconds: 60 },
  "timer.pause": { type: "timer.pause" },
  "timer.resume": { type: "timer.resume" },
  "timer.add": { type: "timer.add", seconds: 600 },
  "timer.stop": { type: "timer.stop" },
  "lock.set": { type: "lock.set", kind: "card", id: "fees", locked: true },
  "view.bring": { type: "view.bring", view: { journeyId: "journey", x: 0, y: 0, width: 800, height: 600 } },
  "follow.start": { type: "follow.start" },
  "follow.stop": { type: "follow.stop" },
  "cofacilitator.set": { type: "cofacilitator.set", personId: "0".repeat(64), granted: true },
  "drafts.reveal": { type: "drafts.reveal" },
  "cards.others": { type: "cards.others", phase: "vote", allowed: true },
  "board.anonymous": { type: "board.anonymous", anonymous: true },
});

/** Everything a client can see of the workshop, and the links and history the facilitator's token reads. */
async function everything(server: TestServer, boardId: string, tokens: { facilitator: string; viewer: string }) {
  const fresh = await connectWorkshop(server.url, boardId, tokens.viewer);
  const read = async (path: string) =>
    (
      await fetch(`${server.url}/api/boards/${boardId}${path}`, {
        headers: { authorization: `Bearer ${tokens.facilitator}` },
      })
    ).json() as Promise<unknown>;
  const state = { workshop: fresh.doc.toJSON(), links: await read("/links"), snapshots: await read("/snapshots") };
  fresh.disconnect();
  return state;
}

describe("the workshop policy", () => {
  it("refuses every command a participant or a viewer may not send, through every kind of message, and changes nothing", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
    await addCards(facilitator, "irritants", ["fees"]);
    const observer = await connectWorkshop(server.url, board.id, board.links.viewer.token);
    const round = await startRound(facilitator, observer, rules());
    facilitator.provider.sendStateless(JSON.stringify({ type: "phase.set", phase: "vote" }));
    facilitator.provider.sendStateless(JSON.stringify({ type: "timer.start", seconds: 300 }));
    const session = (workshop: TestClient) => workshop.doc.getMap(WORKSHOP_SESSION);
    await eventually(() => {
      expect(session(observer).get(SESSION_PHASE)).toBe("vote");
      expect(session(observer).get(SESSION_TIMER)).toMatchObject({ status: "running" });
    });
    const tokens = { facilitator: board.links.facilitator.token, viewer: board.links.viewer.token };
    const before = await everything(server, board.id, tokens);
    const commands = examples(round.id);
    const facilitatorOnly = COMMAND_NAMES.filter((name) => !mayCommand("participant", name));
    expect(facilitatorOnly).toEqual(
      expect.arrayContaining([
        "phase.set",
        "round.start",
        "timer.start",
        "timer.add",
        "lock.set",
        "view.bring",
        "follow.start",
        "cofacilitator.set",
      ]),
    );

    for (const role of ["participant", "viewer"] as const satisfies Role[]) {
      const token = board.links[role].token;
      const refused = COMMAND_NAMES.filter((name) => !mayCommand(role, name));
      // On the board's connection, as the app sends them: refused for the role.
      const client = await connectVoter(server.url, board.id, token);
      for (const name of refused) client.provider.sendStateless(JSON.stringify(commands[name]));
      await eventually(() => expect(client.messages.filter((m) => m.type === "refused")).toHaveLength(refused.length));
      expect(client.messages).toEqual(
        refused.map((name) => expect.objectContaining({ command: name, reason: COMMAND_REFUSALS.forbidden })),
      );
      // On the workshop document's connection: commands are not taken there, from anyone.
      const messages: { type: string; reason?: string }[] = [];
      const workshop = await connectWorkshop(server.url, board.id, token, {
        onStateless: (payload) => messages.push(JSON.parse(payload) as { type: string }),
      });
      for (const name of refused) workshop.provider.sendStateless(JSON.stringify(commands[name]));
      await eventually(() => expect(messages).toHaveLength(refused.length));
      expect(messages.every((m) => m.reason === COMMAND_REFUSALS.wrongDocument)).toBe(true);
      // As an edit of the workshop document itself: its connections are read-only.
      session(workshop).set(SESSION_PHASE, "plan");
      session(workshop).set(SESSION_TIMER, { status: "paused", remainingMs: 1, totalMs: 1, roundId: null });
      // Over HTTP: the links and the history are the facilitator's.
      const send = (path: string, method: string) =>
        fetch(`${server.url}/api/boards/${board.id}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          ...(method === "POST" ? { body: JSON.stringify({ name: "Forged" }) } : {}),
        });
      expect((await send("/links", "GET")).status).toBe(403);
      for (const shared of ["participant", "viewer"]) {
        expect((await send(`/links/${shared}/rotate`, "POST")).status).toBe(403);
        expect((await send(`/links/${shared}`, "DELETE")).status).toBe(403);
      }
      expect((await send("/snapshots", "POST")).status).toBe(403);
    }

    expect(await everything(server, board.id, tokens)).toEqual(before);
    expect(session(observer).get(SESSION_PHASE)).toBe("vote");
  });
});
