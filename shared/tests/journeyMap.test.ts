import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import {
  DomainError,
  addCard,
  addPersona,
  copyJourney,
  createTargetJourney,
  createUndoManager,
  deleteJourney,
  deletePersona,
  emotionCurve,
  emptyIndicator,
  irritantCoverage,
  votedFirst,
  isAlerting,
  lanesOf,
  linkCards,
  localUserOrigin,
  matrixKey,
  rateStep,
  readAll,
  readJourneyGrid,
  readRecord,
  setCardChannel,
  setCardIndicator,
  setCardOwner,
  setJourneyPersona,
  setStageCollapsed,
  setStageWidth,
  settledViolations,
  stagesOf,
  touchpointMatrix,
  undo,
  unlinkCards,
  updatePersona,
  type LaneKind,
} from "../src/index";
import { newBoardDoc } from "./boards";

const me = localUserOrigin();

function cardIn(doc: Y.Doc, journeyId: string, kind: LaneKind, stageIndex: number, id: string, text = id) {
  const lane = lanesOf(doc, journeyId).find((l) => l.kind === kind)!;
  const stage = stagesOf(doc, journeyId)[stageIndex]!;
  addCard(
    doc,
    {
      id,
      journeyId,
      stageId: stage.id,
      laneId: lane.id,
      text,
      authorName: "",
      authorDepartment: "sales",
      createdAt: 1,
    },
    me,
  );
  return { stage, lane };
}

describe("card content by lane kind", () => {
  it("stores a touchpoint's channel, a process owner and an indicator, and flags an indicator past its threshold", () => {
    const { doc, journeyId } = newBoardDoc();
    cardIn(doc, journeyId, "touchpoints", 0, "t");
    setCardChannel(doc, { id: "t", channel: "mobileApp" }, me);
    setCardOwner(doc, { id: "t", ownerDepartment: "backOffice" }, me);
    const indicator = { ...emptyIndicator("nps"), value: 12, target: 40, threshold: 20 };
    setCardIndicator(doc, { id: "t", indicator }, me);
    const card = readRecord(doc, "cards", "t")!;
    expect(card).toMatchObject({ channel: "mobileApp", ownerDepartment: "backOffice", indicator });
    expect(isAlerting(card.indicator!)).toBe(true);
    expect(isAlerting({ ...emptyIndicator("churn"), value: 3, threshold: 5 })).toBe(false);
    expect(isAlerting({ ...emptyIndicator("churn"), value: 7, threshold: 5 })).toBe(true);
  });

  it("refuses an indicator value that is not a number, naming the field, and keeps the card as it was", () => {
    const { doc, journeyId } = newBoardDoc();
    cardIn(doc, journeyId, "touchpoints", 0, "t");
    const bad = { ...emptyIndicator("csat"), value: Number.NaN };
    expect(() => setCardIndicator(doc, { id: "t", indicator: bad }, me)).toThrow(/indicator: .*number/i);
    expect(readRecord(doc, "cards", "t")!.indicator).toBeUndefined();
  });
});

describe("stages", () => {
  it("collapse and take a width within bounds", () => {
    const { doc, journeyId, stages } = newBoardDoc();
    setStageCollapsed(doc, { id: stages[0]!.id, collapsed: true }, me);
    setStageWidth(doc, { id: stages[1]!.id, width: 5000 }, me);
    const [first, second] = stagesOf(doc, journeyId);
    expect(first!.collapsed).toBe(true);
    expect(second!.width).toBe(640);
  });
});

describe("personas and journeys", () => {
  it("give a journey a persona, and leave the journey when the persona goes", () => {
    const { doc, journeyId } = newBoardDoc();
    addPersona(doc, { id: "p", name: "Lina, 34", goals: "Find a dress for a wedding" }, me);
    updatePersona(doc, { id: "p", expectations: "Delivery in 2 days" }, me);
    setJourneyPersona(doc, { id: journeyId, personaId: "p" }, me);
    expect(readRecord(doc, "journeys", journeyId)!.personaId).toBe("p");
    expect(() => setJourneyPersona(doc, { id: journeyId, personaId: "ghost" }, me)).toThrow(DomainError);
    deletePersona(doc, { id: "p" }, me);
    expect(readRecord(doc, "journeys", journeyId)!.personaId).toBeNull();
    expect(settledViolations(doc)).toEqual([]);
  });

  it("copy a journey with its stages, lanes and cards under new ids", () => {
    const { doc, journeyId } = newBoardDoc();
    cardIn(doc, journeyId, "irritants", 2, "pain", "Hidden fees");
    copyJourney(doc, { sourceId: journeyId, id: "copy", title: "Copy" }, me);
    const copy = readJourneyGrid(doc, "copy");
    expect(copy.stages.map((s) => s.preset)).toEqual(stagesOf(doc, journeyId).map((s) => s.preset));
    const cards = [...copy.cells.values()].flat();
    expect(cards.map((c) => c.text)).toEqual(["Hidden fees"]);
    expect(cards[0]!.id).not.toBe("pain");
    expect(settledViolations(doc)).toEqual([]);
  });

  it("delete a journey with everything in it, and undo brings it all back", () => {
    const { doc, journeyId } = newBoardDoc();
    cardIn(doc, journeyId, "steps", 0, "s");
    const undoManager = createUndoManager(doc, me);
    deleteJourney(doc, { id: journeyId }, me);
    expect(readAll(doc, "journeys")).toEqual([]);
    expect(readAll(doc, "cards")).toEqual([]);
    undo(undoManager);
    expect(readRecord(doc, "cards", "s")).toBeDefined();
    expect(settledViolations(doc)).toEqual([]);
  });
});

describe("target journey", () => {
  it("is drawn from the current one: same stages, future-state lanes, steps linked to the steps they replace", () => {
    const { doc, journeyId } = newBoardDoc();
    cardIn(doc, journeyId, "steps", 1, "step", "I compare prices");
    cardIn(doc, journeyId, "irritants", 1, "pain", "Prices differ between shop and site");
    createTargetJourney(doc, { sourceId: journeyId, id: "target", title: "Target" }, me);
    const target = readRecord(doc, "journeys", "target")!;
    expect(target).toMatchObject({ mapType: "futureState", twinOf: journeyId });
    const grid = readJourneyGrid(doc, "target");
    const steps = [...grid.cells.values()].flat();
    expect(steps.map((c) => c.text)).toEqual(["I compare prices"]);
    expect(readAll(doc, "links")).toEqual([
      expect.objectContaining({ kind: "replaces", fromCardId: steps[0]!.id, toCardId: "step" }),
    ]);
    expect(grid.lanes.some((l) => l.kind === "irritants")).toBe(false);
  });

  it("shows which irritants a target card addresses and which are still open", () => {
    const { doc, journeyId } = newBoardDoc();
    cardIn(doc, journeyId, "irritants", 1, "fees", "Hidden fees");
    cardIn(doc, journeyId, "irritants", 3, "wait", "Long wait on the phone");
    createTargetJourney(doc, { sourceId: journeyId, id: "target", title: "Target" }, me);
    cardIn(doc, "target", "ideas", 1, "idea", "Show the full price upfront");
    linkCards(doc, { kind: "addresses", fromCardId: "idea", toCardId: "fees" }, me);
    linkCards(doc, { kind: "addresses", fromCardId: "idea", toCardId: "fees" }, me);
    expect(irritantCoverage(doc, journeyId).map((c) => [c.card.id, c.addressedBy])).toEqual([
      ["fees", ["idea"]],
      ["wait", []],
    ]);
    unlinkCards(doc, { kind: "addresses", fromCardId: "idea", toCardId: "fees" }, me);
    expect(irritantCoverage(doc, journeyId)[0]!.addressedBy).toEqual([]);
  });

  it("puts the voted irritants first, most dots first, with a run-off's count over the first round's", () => {
    const { doc, journeyId } = newBoardDoc();
    cardIn(doc, journeyId, "irritants", 1, "fees", "Hidden fees");
    cardIn(doc, journeyId, "irritants", 2, "forms", "Too many forms");
    cardIn(doc, journeyId, "irritants", 3, "wait", "Long wait on the phone");
    cardIn(doc, journeyId, "irritants", 4, "queue", "Queue at the till");
    const tally = (cardId: string, dots: number) => ({
      cardId,
      category: "irritants" as const,
      dots,
      byDepartment: {},
      rank: 1,
    });
    const rounds = [[tally("wait", 4), tally("queue", 2), tally("fees", 1)], [tally("queue", 5)]];
    expect(votedFirst(irritantCoverage(doc, journeyId), rounds).map((c) => [c.card.id, c.dots])).toEqual([
      ["queue", 5],
      ["wait", 4],
      ["fees", 1],
      ["forms", null],
    ]);
  });
});

describe("emotion curve set by the group", () => {
  it("takes the median and spread of everyone's ratings per step, and marks departments that disagree", () => {
    const { doc, journeyId } = newBoardDoc();
    cardIn(doc, journeyId, "steps", 0, "a");
    cardIn(doc, journeyId, "steps", 1, "b");
    const rate = (cardId: string, participantId: string, department: string, value: number | null) =>
      rateStep(doc, { cardId, participantId, department, value }, me);
    rate("a", "p1", "sales", 2);
    rate("a", "p2", "sales", 1);
    rate("a", "p3", "callCentre", 1);
    rate("b", "p1", "sales", 2);
    rate("b", "p2", "sales", 1);
    rate("b", "p3", "callCentre", -2);
    rate("b", "p3", "callCentre", -1);
    const [a, b] = emotionCurve(doc, journeyId);
    expect(a).toMatchObject({ all: { median: 1, count: 3 }, disagreement: false });
    expect(b!.all).toMatchObject({ median: 1, min: -1, max: 2, count: 3 });
    expect(b!.byDepartment).toMatchObject({ sales: { median: 1.5 }, callCentre: { median: -1 } });
    expect(b!.disagreement).toBe(true);
    rate("b", "p3", "callCentre", null);
    expect(emotionCurve(doc, journeyId)[1]!.all!.count).toBe(2);
  });

  it("refuses a rating outside -2..+2", () => {
    const { doc, journeyId } = newBoardDoc();
    cardIn(doc, journeyId, "steps", 0, "a");
    expect(() => rateStep(doc, { cardId: "a", participantId: "p", department: "sales", value: 3 }, me)).toThrow(
      DomainError,
    );
    expect(readAll(doc, "ratings")).toEqual([]);
  });
});

describe("touchpoint matrix", () => {
  it("lays touchpoints out by channel and stage and names the stages no touchpoint serves", () => {
    const { doc, journeyId } = newBoardDoc();
    const { stage } = cardIn(doc, journeyId, "touchpoints", 0, "web");
    setCardChannel(doc, { id: "web", channel: "website" }, me);
    cardIn(doc, journeyId, "touchpoints", 0, "kiosk");
    setCardChannel(doc, { id: "kiosk", channel: "Pop-up kiosk" }, me);
    cardIn(doc, journeyId, "touchpoints", 2, "unknown");
    const matrix = touchpointMatrix(doc, journeyId);
    expect(matrix.channels).toEqual(["website", "Pop-up kiosk", null]);
    expect(matrix.cells.get(matrixKey("website", stage.id))).toEqual(["web"]);
    const stages = stagesOf(doc, journeyId);
    expect([...matrix.stagesWithoutTouchpoint]).toEqual([stages[1]!.id, stages[3]!.id, stages[4]!.id]);
  });
});
