import { describe, expect, it } from "vitest";
import {
  COMMAND_REFUSALS,
  SESSION_COFACILITATORS,
  SESSION_LOCKS,
  SESSION_PHASE,
  SESSION_TIMER,
  WORKSHOP_SESSION,
  editCardText,
  readRecord,
  setBoardLocale,
} from "@journeyboard/shared";
import { acknowledged, connectSynced, type TestClient } from "./support/client";
import { putCard } from "./support/cards";
import { eventually } from "./support/eventually";
import { startTestServer, tempDataDir } from "./support/server";
import { connectVoter, connectWorkshop, rules } from "./support/voting";

const session = (workshop: TestClient) => workshop.doc.getMap(WORKSHOP_SESSION);

/** The answer to a command refused for where its sender stands. */
const forbidden = (command: string) =>
  expect.objectContaining({ type: "refused", command, reason: COMMAND_REFUSALS.forbidden });

async function workshop(dataDir = tempDataDir()) {
  const server = await startTestServer({}, { dataDir });
  const board = await server.createBoard();
  const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
  facilitator.hello("amira", "callCentre");
  const observer = await connectWorkshop(server.url, board.id, board.links.viewer.token);
  putCard(facilitator.doc, { id: "fees", text: "Hidden fees", kind: "irritants" }, facilitator.origin);
  await acknowledged(facilitator);
  const resyncs: string[] = [];
  const kasia = await connectVoter(server.url, board.id, board.links.participant.token, {
    onStateless: (payload) => {
      const message = JSON.parse(payload) as { type: string; reason?: string };
      if (message.type === "resync" && message.reason) resyncs.push(message.reason);
    },
  });
  kasia.hello("kasia", "digital");
  await eventually(() => expect(kasia.personId()).not.toBeNull());
  return { server, board, facilitator, observer, kasia, resyncs, kasiaId: kasia.personId()! };
}

describe("Co-facilitators", () => {
  it("a participant the facilitator names runs the workshop and changes locked content, never names anyone, and stops once it is taken back", async () => {
    const { facilitator, observer, kasia, kasiaId, resyncs } = await workshop();
    kasia.send({ type: "phase.set", phase: "diverge" });
    await eventually(() => expect(kasia.messages).toContainEqual(forbidden("phase.set")));

    facilitator.send({ type: "cofacilitator.set", personId: kasiaId, granted: true });
    await eventually(() => expect(session(observer).get(SESSION_COFACILITATORS)).toEqual([kasiaId]));
    kasia.messages.length = 0;
    kasia.send({ type: "phase.set", phase: "discuss" });
    kasia.send({ type: "timer.start", seconds: 60 });
    kasia.send({ type: "lock.set", kind: "card", id: "fees", locked: true });
    await eventually(() => {
      expect(session(observer).get(SESSION_PHASE)).toBe("discuss");
      expect(session(observer).get(SESSION_TIMER)).toMatchObject({ status: "running" });
      expect(session(observer).get(SESSION_LOCKS)).toEqual(["card/fees"]);
    });
    // Locked, and in a phase where participants change nothing: the co-facilitator's edit is kept.
    editCardText(kasia.doc, { id: "fees", text: "Fees shown late" }, kasia.origin);
    await eventually(() => expect(readRecord(facilitator.doc, "cards", "fees")?.text).toBe("Fees shown late"));
    kasia.send({ type: "timer.stop" });
    kasia.send({ type: "round.start", rules: rules({ title: "By the co-facilitator" }) });
    await eventually(() => expect(Object.keys(observer.doc.getMap("rounds").toJSON())).toHaveLength(1));
    // Who co-facilitates, and the board's own settings, stay the facilitator's.
    kasia.send({ type: "cofacilitator.set", personId: kasiaId, granted: false });
    await eventually(() => expect(kasia.messages).toContainEqual(forbidden("cofacilitator.set")));
    setBoardLocale(kasia.doc, { locale: "pl" }, kasia.origin);
    await eventually(() => expect(resyncs).toContain("forbidden"));
    expect(facilitator.doc.getMap("meta").get("locale")).toBe("en");
    expect(session(observer).get(SESSION_COFACILITATORS)).toEqual([kasiaId]);

    facilitator.send({ type: "cofacilitator.set", personId: kasiaId, granted: false });
    await eventually(() => expect(session(observer).get(SESSION_COFACILITATORS)).toEqual([]));
    kasia.messages.length = 0;
    kasia.send({ type: "phase.set", phase: "open" });
    await eventually(() => expect(kasia.messages).toContainEqual(forbidden("phase.set")));
    expect(session(observer).get(SESSION_PHASE)).toBe("discuss");
  });

  it("is the person's right, not the connection's: another tab with the same key has it, a viewer never does, and it outlives a restart", async () => {
    const dataDir = tempDataDir();
    const first = await workshop(dataDir);
    first.facilitator.send({ type: "cofacilitator.set", personId: first.kasiaId, granted: true });
    await eventually(() => expect(session(first.observer).get(SESSION_COFACILITATORS)).toEqual([first.kasiaId]));
    await first.server.close();

    const server = await startTestServer({}, { dataDir });
    const { board } = first;
    const observer = await connectWorkshop(server.url, board.id, board.links.viewer.token);
    await eventually(() => expect(session(observer).get(SESSION_COFACILITATORS)).toEqual([first.kasiaId]));
    const tab = await connectVoter(server.url, board.id, board.links.participant.token);
    tab.hello("kasia", "digital");
    await eventually(() => expect(tab.personId()).toBe(first.kasiaId));
    tab.send({ type: "phase.set", phase: "plan" });
    await eventually(() => expect(session(observer).get(SESSION_PHASE)).toBe("plan"));

    // A viewer saying the same key stands as a viewer still: read-only, no command.
    const viewer = await connectVoter(server.url, board.id, board.links.viewer.token);
    viewer.hello("kasia", "digital");
    viewer.send({ type: "phase.set", phase: "open" });
    await eventually(() => expect(viewer.messages).toContainEqual(forbidden("phase.set")));
    expect(session(observer).get(SESSION_PHASE)).toBe("plan");
  });

  it("stamps presence with the person the connection said it is, never the one it claims", async () => {
    const { server, board, kasia, kasiaId } = await workshop();
    const other = await connectSynced(server.url, board.id, board.links.participant.token);
    const forged = "f".repeat(64);
    const userOf = (clientId: number) =>
      other.provider.awareness?.getStates().get(clientId)?.user as { personId?: string; role?: string } | undefined;
    kasia.provider.setAwarenessField("user", {
      name: "Kasia",
      department: "digital",
      colour: "#123456",
      personId: forged,
    });
    await eventually(() => expect(userOf(kasia.provider.awareness!.clientID)).toMatchObject({ personId: kasiaId }));
    // Before it says who it is, a connection has no person on its presence, whatever it claims.
    other.provider.setAwarenessField("user", {
      name: "Jonas",
      department: "sales",
      colour: "#654321",
      personId: kasiaId,
    });
    await eventually(() =>
      expect(kasia.provider.awareness?.getStates().get(other.provider.awareness!.clientID)?.user).toEqual({
        name: "Jonas",
        department: "sales",
        colour: "#654321",
        role: "participant",
      }),
    );
  });
});
