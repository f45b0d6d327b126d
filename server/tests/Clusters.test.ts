import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import {
  SESSION_LOCKS,
  SESSION_PHASE,
  WORKSHOP_SESSION,
  groupCards,
  readAll,
  readRecord,
  recordsOf,
  renameCluster,
  ungroupCards,
  type Origin,
} from "@journeyboard/shared";
import { acknowledged, connectSynced } from "./support/client";
import { putCard } from "./support/cards";
import { eventually } from "./support/eventually";
import { startTestServer } from "./support/server";
import { connectVoter, connectWorkshop } from "./support/voting";

type Write = (doc: Y.Doc, origin: Origin) => void;

/** A participant who said who they are, hearing why the server refused their updates. */
async function person(url: string, boardId: string, token: string, key: string) {
  const refusals: string[] = [];
  const client = await connectVoter(url, boardId, token, {
    onStateless: (payload) => {
      const message = JSON.parse(payload) as { type: string; reason?: string };
      if (message.type === "resync" && message.reason) refusals.push(message.reason);
    },
  });
  client.hello(key, "sales");
  await eventually(() => expect(client.personId()).not.toBeNull());
  return { client, refusals, id: client.personId()! };
}

const clusterOf = (doc: Y.Doc, id: string) => readRecord(doc, "cards", id)?.cluster;

describe("Clusters", () => {
  it("refuses grouping, renaming or ungrouping cards the sender may not change: others' cards, a locked stage, a phase without cards, a viewer's link", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
    const observer = await connectWorkshop(server.url, board.id, board.links.viewer.token);
    const session = observer.doc.getMap(WORKSHOP_SESSION);
    const token = board.links.participant.token;
    const kasia = await person(server.url, board.id, token, "kasia");
    const jonas = await person(server.url, board.id, token, "jonas");
    // One cell: Kasia's card and two of Jonas's.
    putCard(kasia.client.doc, { id: "kasias", text: "Hidden fees", authorId: kasia.id }, kasia.client.origin);
    putCard(jonas.client.doc, { id: "jonas1", text: "Fees at checkout", authorId: jonas.id }, jonas.client.origin);
    putCard(jonas.client.doc, { id: "jonas2", text: "No price list", authorId: jonas.id }, jonas.client.origin);
    await Promise.all([acknowledged(kasia.client), acknowledged(jonas.client)]);
    await eventually(() => expect(recordsOf(facilitator.doc, "cards").size).toBe(3));
    const [card] = readAll(facilitator.doc, "cards");
    const cell = { stageId: card!.stageId, laneId: card!.laneId };

    /** Jonas, newly connected, makes one write: refused for this reason, and the board keeps none of it. */
    const refused = async (reason: string, write: Write) => {
      const before = facilitator.doc.toJSON();
      const again = await person(server.url, board.id, token, "jonas");
      write(again.client.doc, again.client.origin);
      await eventually(() => expect(again.refusals).toEqual([reason]));
      again.client.disconnect();
      expect(facilitator.doc.toJSON()).toEqual(before);
    };

    facilitator.send({ type: "phase.set", phase: "diverge" });
    await eventually(() => expect(session.get(SESSION_PHASE)).toBe("diverge"));
    await refused("others-card", (doc, origin) => groupCards(doc, { ids: ["jonas1", "kasias"], name: "Fees" }, origin));
    groupCards(jonas.client.doc, { ids: ["jonas1", "jonas2"], name: "Pricing" }, jonas.client.origin);
    await eventually(() => expect(clusterOf(facilitator.doc, "jonas2")).toBe("Pricing"));
    expect(jonas.refusals).toEqual([]);
    // Joining Jonas's cluster places his cards again with hers: Kasia may not.
    kasia.client.disconnect();
    const before = facilitator.doc.toJSON();
    const kasiaAgain = await person(server.url, board.id, token, "kasia");
    groupCards(kasiaAgain.client.doc, { ids: ["kasias"], name: "Pricing" }, kasiaAgain.client.origin);
    await eventually(() => expect(kasiaAgain.refusals).toEqual(["others-card"]));
    expect(facilitator.doc.toJSON()).toEqual(before);

    // Those who run the workshop group anyone's cards; a participant then renames or ungroups none of them.
    groupCards(facilitator.doc, { ids: ["kasias", "jonas1"], name: "Fees" }, facilitator.origin);
    await acknowledged(facilitator);
    await refused("others-card", (doc, origin) => renameCluster(doc, { ...cell, from: "Fees", to: "Costs" }, origin));
    await refused("others-card", (doc, origin) => ungroupCards(doc, { ids: ["kasias"] }, origin));

    facilitator.send({ type: "lock.set", kind: "stage", id: cell.stageId, locked: true });
    await eventually(() => expect(session.get(SESSION_LOCKS)).toEqual([`stage/${cell.stageId}`]));
    await refused("locked", (doc, origin) => ungroupCards(doc, { ids: ["jonas1"] }, origin));
    facilitator.send({ type: "lock.set", kind: "stage", id: cell.stageId, locked: false });
    await eventually(() => expect(session.get(SESSION_LOCKS)).toEqual([]));

    facilitator.send({ type: "phase.set", phase: "vote" });
    await eventually(() => expect(session.get(SESSION_PHASE)).toBe("vote"));
    await refused("forbidden", (doc, origin) => groupCards(doc, { ids: ["jonas2"], name: "Mine" }, origin));

    // A viewer's grouping never lands; Jonas's own ungrouping in a phase with cards does.
    const viewer = await connectSynced(server.url, board.id, board.links.viewer.token);
    groupCards(viewer.doc, { ids: ["jonas2"], name: "Viewer's" }, viewer.origin);
    facilitator.send({ type: "phase.set", phase: "diverge" });
    await eventually(() => expect(session.get(SESSION_PHASE)).toBe("diverge"));
    ungroupCards(jonas.client.doc, { ids: ["jonas1"] }, jonas.client.origin);
    await eventually(() => expect(clusterOf(facilitator.doc, "jonas1")).toBeNull());
    expect(clusterOf(facilitator.doc, "jonas2")).toBe("Pricing");
    const late = await connectSynced(server.url, board.id, board.links.facilitator.token);
    expect(clusterOf(late.doc, "jonas2")).toBe("Pricing");
    expect(jonas.refusals).toEqual([]);
  });
});
