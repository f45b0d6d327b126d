import { describe, expect, it, vi } from "vitest";
import {
  LINK_REVOKED_CODE,
  SESSION_HISTORY,
  SESSION_LOCKS,
  SESSION_PHASE,
  SESSION_TIMER,
  WORKSHOP_SESSION,
  editCardText,
  readRecord,
  type PersonalLinks,
  type SnapshotInfo,
  type TimerState,
} from "@journeyboard/shared";
import { putCard } from "./support/cards";
import { acknowledged, connectSynced, type TestClient } from "./support/client";
import { createBoard } from "./support/crash";
import { eventually } from "./support/eventually";
import { logged, startInstances } from "./support/instances";
import { postgresAvailable } from "./support/postgres";
import { redisAvailable } from "./support/redis";
import { addCards, addDot, connectVoter, connectWorkshop, last, roundsIn, rules, startRound } from "./support/voting";

const phaseIn = (workshop: TestClient) => workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_PHASE);
const historyIn = (workshop: TestClient) => workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_HISTORY) as number;
const timerIn = (workshop: TestClient) =>
  workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_TIMER) as TimerState | undefined;

describe.skipIf(!postgresAvailable || !redisAvailable)("the workshop on several instances", () => {
  it("applies a command sent to one instance once, and every client on every instance sees it", async () => {
    const instances = await startInstances(3);
    const board = await createBoard(instances[0]!.url);
    const token = board.links.participant.token;
    const workshops = await Promise.all(instances.map((i) => connectWorkshop(i.url, board.id, token)));
    const facilitator = await connectSynced(instances[1]!.url, board.id, board.links.facilitator.token);
    facilitator.provider.sendStateless(JSON.stringify({ type: "phase.set", phase: "diverge" }));
    for (const workshop of workshops) await eventually(() => expect(phaseIn(workshop)).toBe("diverge"));
    // Applied once: one snapshot for the change of phase (kept once it is drawn), listed the same by every instance.
    const phaseSnapshots = async (url: string) => {
      const response = await fetch(`${url}/api/boards/${board.id}/snapshots`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await response.json()) as SnapshotInfo[]).filter((s) => s.kind === "phase").map((s) => s.name);
    };
    await eventually(async () => expect(await phaseSnapshots(instances[1]!.url)).toEqual(["diverge"]));
    for (const instance of instances) expect(await phaseSnapshots(instance.url)).toEqual(["diverge"]);
    // Every instance's workshop document says when the history last gained a snapshot.
    for (const workshop of workshops) await eventually(() => expect(historyIn(workshop)).toBeGreaterThan(0));
  }, 60_000);

  it("checks the next update on another instance against a lock set or a phase changed on one", async () => {
    const [onA, onB] = await startInstances(2);
    const board = await createBoard(onA!.url);
    const token = board.links.participant.token;
    const messages: { type: string; reason?: string }[] = [];
    const onStateless = (payload: string) => messages.push(JSON.parse(payload) as { type: string });
    const facilitator = await connectSynced(onA!.url, board.id, board.links.facilitator.token);
    const workshop = await connectWorkshop(onB!.url, board.id, token);
    const participant = await connectSynced(onB!.url, board.id, token, { onStateless });
    // Taken: the second instance has read the board's rules, and holds them.
    putCard(participant.doc, { id: "mine", text: "mine", kind: "steps" }, participant.origin);
    await acknowledged(participant);
    await eventually(() => expect(readRecord(facilitator.doc, "cards", "mine")).toBeDefined());

    facilitator.provider.sendStateless(JSON.stringify({ type: "lock.set", kind: "card", id: "mine", locked: true }));
    await eventually(() => expect(workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_LOCKS)).toEqual(["card/mine"]));
    editCardText(participant.doc, { id: "mine", text: "changed" }, participant.origin);
    await eventually(() =>
      expect(messages).toContainEqual(expect.objectContaining({ type: "resync", reason: "locked" })),
    );

    // Told to resync, the participant starts again from the server's copy, as the app does.
    participant.disconnect();
    messages.length = 0;
    const again = await connectSynced(onB!.url, board.id, token, { onStateless });
    facilitator.provider.sendStateless(JSON.stringify({ type: "phase.set", phase: "discuss" }));
    await eventually(() => expect(phaseIn(workshop)).toBe("discuss"));
    putCard(again.doc, { id: "late", text: "late", kind: "steps" }, again.origin);
    await eventually(() =>
      expect(messages).toContainEqual(expect.objectContaining({ type: "resync", reason: "forbidden" })),
    );
    expect(readRecord(facilitator.doc, "cards", "mine")?.text).toBe("mine");
    expect(readRecord(facilitator.doc, "cards", "late")).toBeUndefined();
  }, 60_000);

  it("shows what the store holds on every instance when two instances take commands at once", async () => {
    const instances = await startInstances(3);
    const board = await createBoard(instances[0]!.url);
    const token = board.links.participant.token;
    const workshops = await Promise.all(instances.map((i) => connectWorkshop(i.url, board.id, token)));
    const refused: string[] = [];
    const [onA, onB] = await Promise.all(
      instances
        .slice(0, 2)
        .map((i, k) =>
          connectSynced(i.url, board.id, board.links.facilitator.token, { onStateless: () => refused.push(`${k}`) }),
        ),
    );
    const send = (client: TestClient, command: object) => client.provider.sendStateless(JSON.stringify(command));
    for (const phase of ["diverge", "vote", "discuss", "plan"]) send(onA!, { type: "phase.set", phase });
    for (const phase of ["vote", "discuss", "plan", "diverge"]) send(onB!, { type: "phase.set", phase });
    // A command after them that is refused (there is no timer): its answer says its instance took those before it.
    for (const client of [onA!, onB!]) send(client, { type: "timer.stop" });
    await eventually(() => expect(refused.sort()).toEqual(["0", "1"]));
    const response = await fetch(`${instances[2]!.url}/api/boards/${board.id}/export/board.json?token=${token}`);
    const stored = ((await response.json()) as { workshop: { phase: string } }).workshop.phase;
    expect(["plan", "diverge"]).toContain(stored);
    for (const workshop of workshops) await eventually(() => expect(phaseIn(workshop)).toBe(stored));
  }, 60_000);

  it("shows a vote cast on one instance on the others, and tells the facilitators on every instance", async () => {
    const [a, b, c] = await startInstances(3);
    const board = await createBoard(a!.url);
    const facilitatorOnA = await connectVoter(a!.url, board.id, board.links.facilitator.token);
    const facilitatorOnC = await connectVoter(c!.url, board.id, board.links.facilitator.token);
    const voterOnB = await connectVoter(b!.url, board.id, board.links.participant.token);
    const workshopOnC = await connectWorkshop(c!.url, board.id, board.links.participant.token);
    await addCards(voterOnB, "irritants", ["slow-refund"]);
    const round = await startRound(facilitatorOnA, workshopOnC, rules({ blind: false }));
    voterOnB.hello("voter-b", "sales", "Bea");
    await addDot(voterOnB, round.id, "slow-refund", "dot-1");
    await eventually(() =>
      expect(roundsIn(workshopOnC).find((r) => r.id === round.id)?.tallies).toEqual([
        expect.objectContaining({ cardId: "slow-refund", dots: 1 }),
      ]),
    );
    for (const facilitator of [facilitatorOnA, facilitatorOnC]) {
      await eventually(() =>
        expect(last(facilitator, "round.progress")?.people).toContainEqual(
          expect.objectContaining({ department: "sales", used: 1 }),
        ),
      );
    }
  }, 60_000);

  it("closes a link's connections on every instance when it is rotated on one", async () => {
    const [a, b] = await startInstances(2);
    const board = await createBoard(a!.url);
    const participantOnB = await connectSynced(b!.url, board.id, board.links.participant.token);
    const rotated = await fetch(`${a!.url}/api/boards/${board.id}/links/participant/rotate`, {
      method: "POST",
      headers: { authorization: `Bearer ${board.links.facilitator.token}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(rotated.status).toBe(200);
    await eventually(() => expect(participantOnB.closes.map((close) => close.code)).toContain(LINK_REVOKED_CODE));
  }, 60_000);

  it("closes a personal link's connections on every instance when it is revoked on one, and no one else's", async () => {
    const [a, b] = await startInstances(2);
    const board = await createBoard(a!.url);
    const facilitator = {
      authorization: `Bearer ${board.links.facilitator.token}`,
      "content-type": "application/json",
    };
    const invited = await fetch(`${a!.url}/api/boards/${board.id}/personal-links`, {
      method: "POST",
      headers: facilitator,
      body: JSON.stringify({
        people: [
          { name: "Kasia", department: "digital" },
          { name: "Omar", department: "sales" },
        ],
      }),
    });
    const [kasia, omar] = ((await invited.json()) as PersonalLinks).invites.map((link) => ({
      id: link.id,
      token: link.status === "on" ? link.token : "",
    }));
    const kasiaOnB = await connectSynced(b!.url, board.id, kasia!.token);
    const omarOnB = await connectSynced(b!.url, board.id, omar!.token);
    const revoked = await fetch(`${a!.url}/api/boards/${board.id}/personal-links/${kasia!.id}`, {
      method: "DELETE",
      headers: facilitator,
    });
    expect(revoked.status).toBe(200);
    await eventually(() => expect(kasiaOnB.closes.map((close) => close.code)).toContain(LINK_REVOKED_CODE));
    await eventually(() => expect(kasiaOnB.refusals).toContain("bad-token"));
    expect(omarOnB.closes).toEqual([]);
  }, 60_000);

  it("acts on a round's deadline once, on one of the instances still alive when the one that started it was killed", async () => {
    const instances = await startInstances(3);
    const [a, b, c] = instances;
    const board = await createBoard(a!.url);
    const facilitator = await connectVoter(a!.url, board.id, board.links.facilitator.token);
    const workshops = await Promise.all(
      [b!, c!].map((instance) => connectWorkshop(instance.url, board.id, board.links.participant.token)),
    );
    const round = await startRound(facilitator, workshops[0]!, rules({ durationSeconds: 10 }));
    // The round's countdown is stored (every instance shows it) before the instance that started it dies.
    for (const workshop of workshops) {
      await eventually(() => expect(timerIn(workshop)?.roundId).toBe(round.id));
    }
    await a!.kill();
    // The countdown is ten seconds: the shortest a round takes.
    await vi.waitFor(
      () => {
        for (const workshop of workshops) {
          expect(roundsIn(workshop).find((r) => r.id === round.id)?.status).toBe("closed");
        }
        const outcomes = [b!, c!].flatMap((instance) => logged(instance, "timer alarm").map((line) => line.acted));
        expect(outcomes.sort()).toEqual(["elsewhere", "here"]);
      },
      { timeout: 25_000, interval: 50 },
    );
  }, 60_000);
});
