import { describe, expect, it } from "vitest";
import {
  COMMAND_REFUSALS,
  SESSION_TIMER,
  WORKSHOP_SESSION,
  type TimerState,
  type WorkshopCommand,
} from "@journeyboard/shared";
import type { TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer, tempDataDir } from "./support/server";
import {
  addCards,
  connectVoter,
  connectWorkshop,
  roundsIn,
  rules,
  startRound,
  type VotingClient,
} from "./support/voting";

const timerIn = (workshop: TestClient) =>
  workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_TIMER) as TimerState | undefined;

/** A facilitator and a participant's view of the workshop document, on a server whose clock the test moves. */
async function timerBoard(clock: { now: number }, dataDir = tempDataDir()) {
  const server = await startTestServer({}, { dataDir, clock: () => clock.now });
  const board = await server.createBoard();
  const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
  const workshop = await connectWorkshop(server.url, board.id, board.links.participant.token);
  return { server, board, facilitator, workshop };
}

/** Sends a command and waits until the participant's workshop document shows the timer it should leave. */
async function expectTimer(facilitator: VotingClient, workshop: TestClient, command: WorkshopCommand, timer: unknown) {
  facilitator.provider.sendStateless(JSON.stringify(command));
  await eventually(() => expect(timerIn(workshop)).toEqual(timer));
}

describe("the workshop timer", () => {
  it("starts, pauses, resumes, takes more time and stops, as the facilitator says, alike for everyone", async () => {
    const clock = { now: 1_000_000 };
    const { facilitator, workshop } = await timerBoard(clock);
    await expectTimer(
      facilitator,
      workshop,
      { type: "timer.start", seconds: 300 },
      {
        status: "running",
        endsAt: 1_300_000,
        totalMs: 300_000,
        roundId: null,
      },
    );
    clock.now += 100_000;
    await expectTimer(
      facilitator,
      workshop,
      { type: "timer.pause" },
      {
        status: "paused",
        remainingMs: 200_000,
        totalMs: 300_000,
        roundId: null,
      },
    );
    await expectTimer(
      facilitator,
      workshop,
      { type: "timer.add", seconds: 60 },
      {
        status: "paused",
        remainingMs: 260_000,
        totalMs: 360_000,
        roundId: null,
      },
    );
    clock.now += 500_000;
    await expectTimer(
      facilitator,
      workshop,
      { type: "timer.resume" },
      {
        status: "running",
        endsAt: 1_860_000,
        totalMs: 360_000,
        roundId: null,
      },
    );
    await expectTimer(facilitator, workshop, { type: "timer.stop" }, undefined);
  });

  it("refuses what the timer cannot do, saying why, and changes nothing", async () => {
    const clock = { now: 1_000_000 };
    const { facilitator, workshop } = await timerBoard(clock);
    const refusal = async (command: WorkshopCommand) => {
      const before = facilitator.messages.length;
      facilitator.provider.sendStateless(JSON.stringify(command));
      return eventually(() => {
        const found = facilitator.messages.slice(before).find((m) => m.type === "refused");
        if (!found) throw new Error("no refusal yet");
        return found;
      });
    };
    expect(await refusal({ type: "timer.pause" })).toMatchObject({ reason: COMMAND_REFUSALS.timerNotRunning });
    expect(await refusal({ type: "timer.add", seconds: 60 })).toMatchObject({ reason: COMMAND_REFUSALS.noTimer });
    expect(await refusal({ type: "timer.stop" })).toMatchObject({ reason: COMMAND_REFUSALS.noTimer });
    await expectTimer(
      facilitator,
      workshop,
      { type: "timer.start", seconds: 60 },
      expect.objectContaining({ status: "running" }),
    );
    expect(await refusal({ type: "timer.resume" })).toMatchObject({ reason: COMMAND_REFUSALS.timerNotPaused });
    expect(await refusal({ type: "timer.start", seconds: 5 } as WorkshopCommand)).toMatchObject({
      reason: COMMAND_REFUSALS.malformed,
    });
    clock.now += 61_000;
    // Run out, it no longer pauses; more time starts it again from now.
    expect(await refusal({ type: "timer.pause" })).toMatchObject({ reason: COMMAND_REFUSALS.timerNotRunning });
    await expectTimer(
      facilitator,
      workshop,
      { type: "timer.add", seconds: 120 },
      {
        status: "running",
        endsAt: clock.now + 120_000,
        totalMs: 120_000,
        roundId: null,
      },
    );
  });

  it("keeps its deadline, or what was left while paused, across a server restart", async () => {
    const clock = { now: 5_000_000 };
    const dataDir = tempDataDir();
    const first = await timerBoard(clock, dataDir);
    await expectTimer(first.facilitator, first.workshop, { type: "timer.start", seconds: 600 }, expect.anything());
    const running = timerIn(first.workshop);
    await first.server.close();

    clock.now += 30_000;
    let server = await startTestServer({}, { dataDir, clock: () => clock.now });
    let workshop = await connectWorkshop(server.url, first.board.id, first.board.links.viewer.token);
    await eventually(() => expect(timerIn(workshop)).toEqual(running));
    const facilitator = await connectVoter(server.url, first.board.id, first.board.links.facilitator.token);
    await expectTimer(
      facilitator,
      workshop,
      { type: "timer.pause" },
      {
        status: "paused",
        remainingMs: 570_000,
        totalMs: 600_000,
        roundId: null,
      },
    );
    await server.close();

    clock.now += 3_600_000;
    server = await startTestServer({}, { dataDir, clock: () => clock.now });
    workshop = await connectWorkshop(server.url, first.board.id, first.board.links.participant.token);
    await eventually(() => expect(timerIn(workshop)).toMatchObject({ status: "paused", remainingMs: 570_000 }));
  });

  it("is the voting round's countdown: paused, the round stays open past its deadline; added time is the round's", async () => {
    const clock = { now: 1_000_000 };
    const { server, board, facilitator, workshop } = await timerBoard(clock);
    await addCards(facilitator, "irritants", ["fees"]);
    const round = await startRound(facilitator, workshop, rules({ durationSeconds: 60 }));
    await eventually(() =>
      expect(timerIn(workshop)).toEqual({ status: "running", endsAt: 1_060_000, totalMs: 60_000, roundId: round.id }),
    );
    expect(round.endsAt).toBe(1_060_000);
    facilitator.provider.sendStateless(JSON.stringify({ type: "timer.start", seconds: 60 }));
    await eventually(() =>
      expect(facilitator.messages).toContainEqual(expect.objectContaining({ reason: COMMAND_REFUSALS.roundTimer })),
    );

    clock.now += 30_000;
    await expectTimer(facilitator, workshop, { type: "timer.pause" }, expect.objectContaining({ status: "paused" }));
    await eventually(() => expect(roundsIn(workshop)[0]?.endsAt).toBeNull());
    clock.now += 600_000;
    const voter = await connectVoter(server.url, board.id, board.links.participant.token);
    voter.hello("ola", "sales");
    voter.send({ type: "vote.add", roundId: round.id, cardId: "fees", requestId: "1" });
    await eventually(() =>
      expect(voter.messages).toContainEqual(expect.objectContaining({ type: "vote.mine", dots: { fees: 1 } })),
    );

    await expectTimer(facilitator, workshop, { type: "timer.resume" }, expect.objectContaining({ status: "running" }));
    await expectTimer(
      facilitator,
      workshop,
      { type: "timer.add", seconds: 60 },
      expect.objectContaining({ endsAt: clock.now + 90_000 }),
    );
    await eventually(() => expect(roundsIn(workshop)[0]).toMatchObject({ status: "open", endsAt: clock.now + 90_000 }));
  });

  it("closes the round it counts down when its deadline passed while the server was down", async () => {
    const clock = { now: 1_000_000 };
    const dataDir = tempDataDir();
    const first = await timerBoard(clock, dataDir);
    await addCards(first.facilitator, "irritants", ["fees"]);
    const round = await startRound(first.facilitator, first.workshop, rules({ durationSeconds: 60 }));
    await first.server.close();

    clock.now += 120_000;
    const server = await startTestServer({}, { dataDir, clock: () => clock.now });
    const workshop = await connectWorkshop(server.url, first.board.id, first.board.links.viewer.token);
    await eventually(() =>
      expect(roundsIn(workshop)).toEqual([
        expect.objectContaining({ id: round.id, status: "closed", closedAt: 1_060_000 }),
      ]),
    );
    expect(timerIn(workshop)).toMatchObject({ status: "running", endsAt: 1_060_000 });
  });
});
