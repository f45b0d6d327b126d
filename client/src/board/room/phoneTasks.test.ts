import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  SESSION_LOCKS,
  SESSION_PHASE,
  WORKSHOP_SESSION,
  addCard,
  addJourney,
  initBoard,
  lanesOf,
  localUserOrigin,
  readJourneyGrid,
  serverOrigin,
  stagesOf,
  type Phase,
  type RoundRecord,
} from "@journeyboard/shared";
import { Permissions } from "../state/permissions";
import { addRefusal, cardsToVote, phoneTasks, placeOn, stepsIn } from "./phoneTasks";

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: "t", locale: "en", createdAt: 1 }, serverOrigin("create-board"));
  const journey = { id: "j", title: "", mapType: "currentState", stageSet: "macro", personaId: null } as const;
  addJourney(doc, journey, serverOrigin("create-board"));
  const stages = stagesOf(doc, "j");
  const lanes = lanesOf(doc, "j");
  const lane = (kind: string) => lanes.find((l) => l.kind === kind)!;
  const card = (id: string, stageId: string, laneId: string) =>
    addCard(
      doc,
      { id, journeyId: "j", stageId, laneId, text: id, authorName: "", authorDepartment: "sales", createdAt: 1 },
      localUserOrigin(),
    );
  const [first, second] = stages;
  card("step-1", first!.id, lane("steps").id);
  card("step-2", second!.id, lane("steps").id);
  card("irritant-1", first!.id, lane("irritants").id);
  card("thought-1", first!.id, lane("thoughts").id);
  return { doc, grid: () => readJourneyGrid(doc, "j"), first: first!, second: second!, lane };
}

function workshop(phase: Phase, locks: string[] = []) {
  const doc = new Y.Doc();
  doc.getMap(WORKSHOP_SESSION).set(SESSION_PHASE, phase);
  doc.getMap(WORKSHOP_SESSION).set(SESSION_LOCKS, locks);
  return new Permissions("participant", doc);
}

const noRound = { openRound: () => undefined, canVote: true };
const round = { id: "r" } as RoundRecord;

describe("what the phone offers a participant", () => {
  it("follows the phase as the server's policy does: cards and ratings in ideas, ratings alone in the vote, nothing in discussion", () => {
    expect(phoneTasks(workshop("diverge"), noRound)).toEqual({ add: true, rate: true, vote: null });
    expect(phoneTasks(workshop("vote"), { openRound: () => round, canVote: true })).toEqual({
      add: false,
      rate: true,
      vote: round,
    });
    expect(phoneTasks(workshop("discuss"), noRound)).toEqual({ add: false, rate: false, vote: null });
  });

  it("offers no vote to someone who does not vote, round or not", () => {
    expect(phoneTasks(workshop("vote"), { openRound: () => round, canVote: false }).vote).toBeNull();
  });

  it("keeps the stage and lane chosen while they are on the journey, else the journey's first", () => {
    const { grid, second, lane } = board();
    expect(placeOn(grid(), { stageId: second.id, laneId: lane("irritants").id })).toEqual({
      stageId: second.id,
      laneId: lane("irritants").id,
    });
    expect(placeOn(grid(), { stageId: "gone", laneId: "gone" })).toEqual({
      stageId: grid().stages[0]!.id,
      laneId: grid().lanes[0]!.id,
    });
  });

  it("says a lock holds the cell when its stage, lane or journey is locked", () => {
    const { first, second, lane } = board();
    const place = { stageId: first.id, laneId: lane("irritants").id };
    expect(addRefusal(workshop("open"), "j", place)).toBeNull();
    expect(addRefusal(workshop("open", [`stage/${first.id}`]), "j", place)).toBe("lock.locked");
    expect(addRefusal(workshop("open", [`stage/${first.id}`]), "j", { ...place, stageId: second.id })).toBeNull();
    expect(addRefusal(workshop("open", ["journey/j"]), "j", place)).toBe("lock.locked");
  });

  it("rates the steps of the stage chosen, and votes on its cards the round takes", () => {
    const { grid, first } = board();
    expect(stepsIn(grid(), first.id).map((c) => c.id)).toEqual(["step-1"]);
    const irritantsOnly = cardsToVote(grid(), first.id, (_card, kind) => kind === "irritants");
    expect(irritantsOnly.map(({ card, kind }) => [card.id, kind])).toEqual([["irritant-1", "irritants"]]);
  });
});
