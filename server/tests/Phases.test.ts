import { describe, expect, it } from "vitest";
import {
  SESSION_HISTORY,
  SESSION_PHASE,
  WORKSHOP_SESSION,
  rateStep,
  readAll,
  readRecord,
  type Phase,
} from "@journeyboard/shared";
import { connectSynced, type TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer, tempDataDir } from "./support/server";
import { connectWorkshop } from "./support/voting";
import { putCard } from "./support/cards";

const phaseIn = (workshop: TestClient) => workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_PHASE);
const setPhase = (client: TestClient, phase: Phase) =>
  client.provider.sendStateless(JSON.stringify({ type: "phase.set", phase }));

function addTestCard(client: TestClient, id: string) {
  putCard(client.doc, { id, text: id, kind: "steps" }, client.origin);
}

async function workshop(dataDir = tempDataDir()) {
  const server = await startTestServer({}, { dataDir });
  const board = await server.createBoard();
  const messages: { type: string; reason?: string }[] = [];
  const onStateless = (payload: string) => messages.push(JSON.parse(payload) as { type: string });
  const facilitator = await connectSynced(server.url, board.id, board.links.facilitator.token);
  const participant = await connectSynced(server.url, board.id, board.links.participant.token, { onStateless });
  const session = await connectWorkshop(server.url, board.id, board.links.participant.token);
  return { server, board, facilitator, participant, session, messages };
}

describe("Phases", () => {
  it("lets only the facilitator change the phase, and publishes it to everyone", async () => {
    const { facilitator, participant, session, messages } = await workshop();
    await eventually(() => expect(phaseIn(session)).toBe("open"));
    setPhase(participant, "discuss");
    await eventually(() =>
      expect(messages).toContainEqual(expect.objectContaining({ type: "refused", reason: "forbidden" })),
    );
    expect(phaseIn(session)).toBe("open");
    setPhase(facilitator, "discuss");
    await eventually(() => expect(phaseIn(session)).toBe("discuss"));
  });

  it("enforces each phase's permissions on participants' updates, never on the facilitator's", async () => {
    const { server, board, facilitator, participant, session, messages } = await workshop();
    setPhase(facilitator, "discuss");
    await eventually(() => expect(phaseIn(session)).toBe("discuss"));
    addTestCard(participant, "late-idea");
    addTestCard(facilitator, "facilitator-note");
    await eventually(() =>
      expect(messages).toContainEqual(expect.objectContaining({ type: "resync", reason: "forbidden" })),
    );
    await eventually(() => expect(readRecord(participant.doc, "cards", "facilitator-note")).toBeDefined());
    expect(readRecord(facilitator.doc, "cards", "late-idea")).toBeUndefined();

    // Told to resync, the participant starts again from the server's copy, as the app does.
    participant.disconnect();
    const again = await connectSynced(server.url, board.id, board.links.participant.token);
    setPhase(facilitator, "vote");
    await eventually(() => expect(phaseIn(session)).toBe("vote"));
    const rating = { cardId: "facilitator-note", participantId: "p1", department: "sales", value: 2 };
    rateStep(again.doc, rating, again.origin);
    await eventually(() => expect(readAll(facilitator.doc, "ratings")).toHaveLength(1));

    setPhase(facilitator, "diverge");
    await eventually(() => expect(phaseIn(session)).toBe("diverge"));
    addTestCard(again, "diverging");
    await eventually(() => expect(readRecord(facilitator.doc, "cards", "diverging")).toBeDefined());
  });

  it("keeps a snapshot at each change of phase, and the phase across a restart", async () => {
    const dataDir = tempDataDir();
    const first = await workshop(dataDir);
    setPhase(first.facilitator, "diverge");
    await eventually(() => expect(phaseIn(first.session)).toBe("diverge"));
    setPhase(first.facilitator, "plan");
    await eventually(() => expect(phaseIn(first.session)).toBe("plan"));
    const phaseSnapshots = async () => {
      const list = await fetch(
        `${first.server.url}/api/boards/${first.board.id}/snapshots?token=${first.board.links.viewer.token}`,
      );
      const snapshots = (await list.json()) as { name: string; kind: string }[];
      return snapshots
        .filter((s) => s.kind === "phase")
        .map((s) => s.name)
        .sort();
    };
    await eventually(async () => expect(await phaseSnapshots()).toEqual(["diverge", "plan"]));
    // Clients hear that the history changed, so a history on screen reads it again.
    const newest = async () => {
      const list = await fetch(`${first.server.url}/api/boards/${first.board.id}/snapshots`, {
        headers: { authorization: `Bearer ${first.board.links.viewer.token}` },
      });
      return Math.max(...((await list.json()) as { createdAt: number }[]).map((s) => s.createdAt));
    };
    const latest = await newest();
    await eventually(() => expect(first.session.doc.getMap(WORKSHOP_SESSION).get(SESSION_HISTORY)).toBe(latest));
    await first.server.close();

    const server = await startTestServer({}, { dataDir });
    const session = await connectWorkshop(server.url, first.board.id, first.board.links.viewer.token);
    await eventually(() => expect(phaseIn(session)).toBe("plan"));
  });
});
