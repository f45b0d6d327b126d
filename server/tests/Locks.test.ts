import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import {
  SESSION_LOCKS,
  WORKSHOP_SESSION,
  deleteCards,
  editCardText,
  lanesOf,
  moveCard,
  readAll,
  readRecord,
  renameLane,
  renameStage,
  stagesOf,
  type LockKind,
  type Origin,
} from "@journeyboard/shared";
import { acknowledged, connectSynced, type TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer, tempDataDir, type TestServer } from "./support/server";
import { connectWorkshop } from "./support/voting";
import { putCard } from "./support/cards";

const locksIn = (workshop: TestClient) => workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_LOCKS);
const lock = (client: TestClient, kind: LockKind, id: string, locked = true) =>
  client.provider.sendStateless(JSON.stringify({ type: "lock.set", kind, id, locked }));

async function workshop(dataDir = tempDataDir()) {
  const server = await startTestServer({}, { dataDir });
  const board = await server.createBoard();
  const facilitator = await connectSynced(server.url, board.id, board.links.facilitator.token);
  const session = await connectWorkshop(server.url, board.id, board.links.viewer.token);
  putCard(facilitator.doc, { id: "first", text: "first", kind: "steps", stage: 0 }, facilitator.origin);
  putCard(facilitator.doc, { id: "second", text: "second", kind: "steps", stage: 1 }, facilitator.origin);
  await acknowledged(facilitator);
  const journeyId = readAll(facilitator.doc, "journeys")[0]!.id;
  const stages = stagesOf(facilitator.doc, journeyId).map((stage) => stage.id);
  const lanes = lanesOf(facilitator.doc, journeyId).map((lane) => lane.id);
  return { server, board, facilitator, session, journeyId, stages, lanes };
}

type Write = (doc: Y.Doc, origin: Origin) => void;

/** A participant, newly connected, makes one write: the server refuses it as locked, and the board keeps none of it. */
async function refusedAsLocked(server: TestServer, boardId: string, token: string, write: Write, board: Y.Doc) {
  const before = board.toJSON();
  const messages: { type: string; reason?: string }[] = [];
  const participant = await connectSynced(server.url, boardId, token, {
    onStateless: (payload) => messages.push(JSON.parse(payload) as { type: string }),
  });
  write(participant.doc, participant.origin);
  await eventually(() =>
    expect(messages).toContainEqual(expect.objectContaining({ type: "resync", reason: "locked" })),
  );
  participant.disconnect();
  expect(board.toJSON()).toEqual(before);
}

describe("Locks", () => {
  it("refuses a participant's every change to a locked card, stage, lane or journey, and takes the facilitator's", async () => {
    const { server, board, facilitator, session, journeyId, stages, lanes } = await workshop();
    const token = board.links.participant.token;
    const refused = (write: Write) => refusedAsLocked(server, board.id, token, write, facilitator.doc);

    lock(facilitator, "card", "first");
    await eventually(() => expect(locksIn(session)).toEqual(["card/first"]));
    await refused((doc, origin) => editCardText(doc, { id: "first", text: "overwritten" }, origin));
    await refused((doc, origin) => deleteCards(doc, { ids: ["first"] }, origin));
    await refused((doc, origin) =>
      moveCard(doc, { id: "first", stageId: stages[1]!, laneId: lanes[0]!, index: 0 }, origin),
    );

    lock(facilitator, "stage", stages[1]!);
    await eventually(() => expect(locksIn(session)).toEqual(["card/first", `stage/${stages[1]}`]));
    await refused((doc, origin) => editCardText(doc, { id: "second", text: "overwritten" }, origin));
    await refused((doc, origin) => renameStage(doc, { id: stages[1]!, title: "Renamed" }, origin));
    await refused((doc, origin) => putCard(doc, { id: "into-locked", text: "new", kind: "steps", stage: 1 }, origin));

    lock(facilitator, "lane", lanes[1]!);
    lock(facilitator, "journey", journeyId);
    await eventually(() => expect(locksIn(session)).toHaveLength(4));
    await refused((doc, origin) => renameLane(doc, { id: lanes[1]!, title: "Renamed" }, origin));
    await refused((doc, origin) => renameStage(doc, { id: stages[0]!, title: "Renamed" }, origin));

    // The facilitator changes locked content; unlocked, the participant can again.
    editCardText(facilitator.doc, { id: "first", text: "by the facilitator" }, facilitator.origin);
    await acknowledged(facilitator);
    for (const [kind, id] of [
      ["journey", journeyId],
      ["stage", stages[1]!],
      ["lane", lanes[1]!],
      ["card", "first"],
    ] as const) {
      lock(facilitator, kind, id, false);
    }
    await eventually(() => expect(locksIn(session)).toEqual([]));
    const participant = await connectSynced(server.url, board.id, token);
    editCardText(participant.doc, { id: "second", text: "edited again" }, participant.origin);
    await eventually(() => expect(readRecord(facilitator.doc, "cards", "second")?.text).toBe("edited again"));
    expect(readRecord(facilitator.doc, "cards", "first")?.text).toBe("by the facilitator");
  });

  it("refuses a moved card into a locked lane, while other lanes stay open", async () => {
    const { server, board, facilitator, session, stages, lanes } = await workshop();
    const token = board.links.participant.token;
    lock(facilitator, "lane", lanes[2]!);
    await eventually(() => expect(locksIn(session)).toEqual([`lane/${lanes[2]}`]));
    const into =
      (laneId: string): Write =>
      (doc, origin) =>
        moveCard(doc, { id: "second", stageId: stages[0]!, laneId, index: 0 }, origin);
    await refusedAsLocked(server, board.id, token, into(lanes[2]!), facilitator.doc);
    const participant = await connectSynced(server.url, board.id, token);
    into(lanes[1]!)(participant.doc, participant.origin);
    await eventually(() => expect(readRecord(facilitator.doc, "cards", "second")?.laneId).toBe(lanes[1]));
  });

  it("refuses locking what the board does not have, and keeps locks across a restart", async () => {
    const dataDir = tempDataDir();
    const first = await workshop(dataDir);
    const messages: { type: string; reason?: string }[] = [];
    const facilitator = await connectSynced(first.server.url, first.board.id, first.board.links.facilitator.token, {
      onStateless: (payload) => messages.push(JSON.parse(payload) as { type: string }),
    });
    lock(facilitator, "card", "no-such-card");
    await eventually(() =>
      expect(messages).toContainEqual(expect.objectContaining({ type: "refused", reason: "no-such-target" })),
    );
    lock(facilitator, "card", "first");
    await eventually(() => expect(locksIn(first.session)).toEqual(["card/first"]));
    await first.server.close();

    const server = await startTestServer({}, { dataDir });
    const session = await connectWorkshop(server.url, first.board.id, first.board.links.viewer.token);
    await eventually(() => expect(locksIn(session)).toEqual(["card/first"]));
    const board = await connectSynced(server.url, first.board.id, first.board.links.facilitator.token);
    const write: Write = (doc, origin) => editCardText(doc, { id: "first", text: "after restart" }, origin);
    await refusedAsLocked(server, first.board.id, first.board.links.participant.token, write, board.doc);
  });
});
