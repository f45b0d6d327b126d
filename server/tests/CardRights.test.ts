import { describe, expect, it } from "vitest";
import {
  SESSION_OTHERS_CARDS,
  SESSION_PHASE,
  WORKSHOP_SESSION,
  deleteCards,
  editCardText,
  lanesOf,
  moveCard,
  readRecord,
  recordsOf,
  type Origin,
} from "@journeyboard/shared";
import type * as Y from "yjs";
import { acknowledged, type TestClient } from "./support/client";
import { putCard } from "./support/cards";
import { eventually } from "./support/eventually";
import { startTestServer } from "./support/server";
import { connectVoter, connectWorkshop } from "./support/voting";

const session = (workshop: TestClient) => workshop.doc.getMap(WORKSHOP_SESSION);

/** A participant who said who they are, hearing which of their updates the server refused. */
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

async function workshop() {
  const server = await startTestServer();
  const board = await server.createBoard();
  const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
  const observer = await connectWorkshop(server.url, board.id, board.links.viewer.token);
  const token = board.links.participant.token;
  const kasia = await person(server.url, board.id, token, "kasia");
  const jonas = await person(server.url, board.id, token, "jonas");
  putCard(kasia.client.doc, { id: "kasias", text: "Kasia's", authorId: kasia.id }, kasia.client.origin);
  putCard(jonas.client.doc, { id: "jonass", text: "Jonas's", authorId: jonas.id }, jonas.client.origin);
  putCard(facilitator.doc, { id: "nobodys", text: "From before authors" }, facilitator.origin);
  await Promise.all([acknowledged(kasia.client), acknowledged(jonas.client), acknowledged(facilitator)]);
  await eventually(() => expect(recordsOf(facilitator.doc, "cards").size).toBe(3));
  return { server, board, facilitator, observer, kasia, jonas };
}

type Write = (doc: Y.Doc, origin: Origin, personId: string) => void;

describe("Card rights", () => {
  it("keeps participants to their own cards outside open, lets them change others' where the facilitator opens a phase, and never lets them change a card's author", async () => {
    const { server, board, facilitator, observer, kasia } = await workshop();
    const token = board.links.participant.token;
    /** Jonas, newly connected, makes one write: the server refuses it for this reason, and the board keeps none of it. */
    const refused = async (reason: string, write: Write) => {
      const before = facilitator.doc.toJSON();
      const jonas = await person(server.url, board.id, token, "jonas");
      write(jonas.client.doc, jonas.client.origin, jonas.id);
      await eventually(() => expect(jonas.refusals).toEqual([reason]));
      jonas.client.disconnect();
      expect(facilitator.doc.toJSON()).toEqual(before);
    };
    /** Jonas, newly connected, makes one write the server keeps. */
    const kept = async (write: Write, done: () => void) => {
      const jonas = await person(server.url, board.id, token, "jonas");
      write(jonas.client.doc, jonas.client.origin, jonas.id);
      await eventually(done);
      expect(jonas.refusals).toEqual([]);
    };
    expect(session(observer).get(SESSION_OTHERS_CARDS)).toEqual({
      open: true,
      draft: false,
      diverge: false,
      vote: false,
      discuss: false,
      plan: false,
    });

    // Open: anyone's card, but never who wrote it.
    await kept(
      (doc, origin) => editCardText(doc, { id: "kasias", text: "Kasia's, by Jonas" }, origin),
      () => expect(readRecord(facilitator.doc, "cards", "kasias")?.text).toBe("Kasia's, by Jonas"),
    );
    await refused("forbidden", (doc, origin, personId) =>
      doc.transact(() => recordsOf(doc, "cards").get("kasias")!.set("authorId", personId), origin),
    );

    facilitator.send({ type: "phase.set", phase: "diverge" });
    await eventually(() => expect(session(observer).get(SESSION_PHASE)).toBe("diverge"));
    const card = readRecord(facilitator.doc, "cards", "kasias")!;
    const otherLane = lanesOf(facilitator.doc, card.journeyId).find((lane) => lane.id !== card.laneId)!;
    await refused("others-card", (doc, origin) => editCardText(doc, { id: "kasias", text: "overwritten" }, origin));
    await refused("others-card", (doc, origin) =>
      moveCard(doc, { id: "kasias", stageId: card.stageId, laneId: otherLane.id, index: 0 }, origin),
    );
    // A card from before authors were recorded is nobody's: not Jonas's either.
    await refused("others-card", (doc, origin) => deleteCards(doc, { ids: ["nobodys"] }, origin));
    await kept(
      (doc, origin) => editCardText(doc, { id: "jonass", text: "Jonas's own" }, origin),
      () => expect(readRecord(facilitator.doc, "cards", "jonass")?.text).toBe("Jonas's own"),
    );
    editCardText(kasia.client.doc, { id: "kasias", text: "Kasia's own again" }, kasia.client.origin);
    await eventually(() => expect(readRecord(facilitator.doc, "cards", "kasias")?.text).toBe("Kasia's own again"));

    facilitator.send({ type: "cards.others", phase: "diverge", allowed: true });
    await eventually(() => expect(session(observer).get(SESSION_OTHERS_CARDS)).toMatchObject({ diverge: true }));
    await kept(
      (doc, origin) => editCardText(doc, { id: "nobodys", text: "Everyone's in this phase" }, origin),
      () => expect(readRecord(facilitator.doc, "cards", "nobodys")?.text).toBe("Everyone's in this phase"),
    );
  });
});
