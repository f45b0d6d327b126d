import { describe, expect, it } from "vitest";
import {
  COMMAND_REFUSALS,
  SESSION_FOLLOW,
  WORKSHOP_SESSION,
  type FollowCommand,
  type ViewArea,
} from "@journeyboard/shared";
import { connectSynced, type TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer, tempDataDir, type TestServer } from "./support/server";
import { connectWorkshop } from "./support/voting";

const followIn = (workshop: TestClient) => workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_FOLLOW);

/** Someone on the board who says who they are, as the app does, and keeps every stateless message the server sends them. */
async function person(server: TestServer, boardId: string, token: string, id: string | null) {
  const messages: { type: string; command?: string; reason?: string }[] = [];
  const client = await connectSynced(server.url, boardId, token, {
    onStateless: (payload) => messages.push(JSON.parse(payload) as { type: string }),
  });
  if (id !== null) client.provider.setAwarenessField("user", { id, name: id, department: "sales", colour: "#336699" });
  const send = (command: FollowCommand) => client.provider.sendStateless(JSON.stringify(command));
  return { ...client, id, messages, send };
}

/** Waits until `watcher` sees the presence of `client` saying who it is: the server has applied it. */
const presenceArrived = (watcher: TestClient, client: TestClient) =>
  eventually(() => expect(watcher.provider.awareness!.getStates().get(client.doc.clientID)).toHaveProperty("user"));

async function followBoard(dataDir = tempDataDir()) {
  const clock = { now: 2_000_000 };
  const server = await startTestServer({}, { dataDir, clock: () => clock.now });
  const board = await server.createBoard();
  const session = await connectWorkshop(server.url, board.id, board.links.viewer.token);
  const facilitator = await person(server, board.id, board.links.facilitator.token, "anna-facilitator");
  const participant = await person(server, board.id, board.links.participant.token, "piotr-sales");
  await presenceArrived(participant, facilitator);
  await presenceArrived(facilitator, participant);
  return { clock, server, board, session, facilitator, participant };
}

const VIEW: ViewArea = { journeyId: "journey", x: 1200, y: 80, width: 900, height: 600 };

describe("follow me", () => {
  it("names the facilitator by the presence their own connection announced, holds it across a restart, and ends when stopped", async () => {
    const dataDir = tempDataDir();
    const { server, board, session, facilitator } = await followBoard(dataDir);
    facilitator.send({ type: "follow.start" });
    await eventually(() => expect(followIn(session)).toEqual({ leader: "anna-facilitator", since: 2_000_000 }));
    await server.close();

    const again = await startTestServer({}, { dataDir });
    const reloaded = await connectWorkshop(again.url, board.id, board.links.participant.token);
    expect(followIn(reloaded)).toEqual({ leader: "anna-facilitator", since: 2_000_000 });
    const back = await person(again, board.id, board.links.facilitator.token, "anna-facilitator");
    back.send({ type: "follow.stop" });
    await eventually(() => expect(followIn(reloaded)).toBeUndefined());
    const later = await connectWorkshop(again.url, board.id, board.links.viewer.token);
    expect(followIn(later)).toBeUndefined();
  });

  it("is refused to a connection that has not said who it is: nobody could find whom to follow", async () => {
    const { server, board, session } = await followBoard();
    const nameless = await person(server, board.id, board.links.facilitator.token, null);
    nameless.send({ type: "follow.start" });
    await eventually(() =>
      expect(nameless.messages).toContainEqual(
        expect.objectContaining({ type: "refused", command: "follow.start", reason: COMMAND_REFUSALS.noPresence }),
      ),
    );
    expect(followIn(session)).toBeUndefined();
  });
});

describe("bring everyone here", () => {
  it("tells every other person on the board, once, to show the facilitator's view; the sender and later arrivals get nothing", async () => {
    const { server, board, facilitator, participant } = await followBoard();
    const viewer = await person(server, board.id, board.links.viewer.token, "projector");
    await presenceArrived(facilitator, viewer);
    facilitator.send({ type: "view.bring", view: VIEW });
    const brought = { type: "view.brought", view: VIEW, by: "anna-facilitator" };
    await eventually(() => {
      expect(participant.messages).toEqual([brought]);
      expect(viewer.messages).toEqual([brought]);
    });
    const later = await person(server, board.id, board.links.participant.token, "late-comer");
    // A command after the bring, answered to its sender alone, marks when anything the bring left would have arrived.
    later.send({ type: "follow.stop" });
    await eventually(() => expect(later.messages).toHaveLength(1));
    expect(later.messages[0]).toMatchObject({ type: "refused", command: "follow.stop" });
    expect(facilitator.messages).toEqual([]);
  });
});

describe("following is the facilitator's", () => {
  it("refuses a participant and a viewer bringing everyone, starting or stopping follow me, and changes nothing", async () => {
    const { server, board, session, facilitator, participant } = await followBoard();
    facilitator.send({ type: "follow.start" });
    await eventually(() => expect(followIn(session)).toMatchObject({ leader: "anna-facilitator" }));
    const viewer = await person(server, board.id, board.links.viewer.token, "projector");
    await presenceArrived(participant, viewer);
    const forged: FollowCommand[] = [
      { type: "view.bring", view: VIEW },
      { type: "follow.start" },
      { type: "follow.stop" },
    ];
    for (const sender of [participant, viewer]) {
      for (const command of forged) sender.send(command);
      await eventually(() =>
        expect(sender.messages).toEqual(
          forged.map(({ type }) =>
            expect.objectContaining({ type: "refused", command: type, reason: COMMAND_REFUSALS.forbidden }),
          ),
        ),
      );
    }
    expect(followIn(session)).toEqual({ leader: "anna-facilitator", since: 2_000_000 });
    expect(facilitator.messages).toEqual([]);
    const fresh = await connectWorkshop(server.url, board.id, board.links.viewer.token);
    expect(followIn(fresh)).toEqual({ leader: "anna-facilitator", since: 2_000_000 });
  });
});

describe("a view in presence", () => {
  it("reaches the others within its bounds; a view out of bounds is dropped whole", async () => {
    const { facilitator, participant } = await followBoard();
    const awareness = participant.provider.awareness!;
    const seen: unknown[] = [];
    awareness.on("change", () => seen.push(awareness.getStates().get(facilitator.doc.clientID)?.view));
    facilitator.provider.setAwarenessField("view", VIEW);
    await eventually(() => expect(seen.at(-1)).toEqual(VIEW));
    for (const bad of [
      { ...VIEW, width: 0 },
      { ...VIEW, height: -600 },
      { ...VIEW, x: 1e12 },
      { ...VIEW, journeyId: "" },
    ]) {
      facilitator.provider.setAwarenessField("view", bad);
    }
    // Presence sent after them arrives after them: by then each was read, and none reached anyone.
    const last = { ...VIEW, x: 1300 };
    facilitator.provider.setAwarenessField("view", last);
    await eventually(() => expect(seen.at(-1)).toEqual(last));
    for (const view of seen.filter((view) => view !== undefined)) expect([VIEW, last]).toContainEqual(view);
    expect(participant.provider.awareness!.getStates().get(facilitator.doc.clientID)).toMatchObject({
      user: { id: "anna-facilitator", role: "facilitator" },
    });
  });
});
