import { describe, expect, it } from "vitest";
import {
  DomainError,
  addCard,
  cardsInCell,
  createUndoManager,
  deleteCards,
  localUserOrigin,
  copyJourney,
  dotsOnMergedCards,
  mayMerge,
  mergeRootOf,
  patchRecord,
  mergeCards,
  mergeGroupOf,
  mergedOriginals,
  moveCard,
  rateStep,
  readAll,
  readRecord,
  restoreMergedCard,
  settledViolations,
  undo,
} from "../src/index";
import { newBoardDoc } from "./boards";

/** Three customer steps (seed wording, two saying the same thing) in one cell, by people of three departments. */
function stepsBoard() {
  const board = newBoardDoc();
  const [stage, other] = board.stages;
  const steps = board.lanes.find((lane) => lane.kind === "steps")!;
  const me = localUserOrigin();
  const cards = [
    { id: "a", text: "ما هي رحلة العميل ؟", authorDepartment: "sales" },
    { id: "b", text: "ما هي رحلة العميل؟", authorDepartment: "support" },
    { id: "c", text: "نمذجة رحلة عميلك لتطوير الأداء", authorDepartment: "it" },
  ];
  cards.forEach((card, index) =>
    addCard(
      board.doc,
      {
        ...card,
        journeyId: board.journeyId,
        stageId: stage!.id,
        laneId: steps.id,
        authorName: "",
        createdAt: index + 1,
      },
      me,
    ),
  );
  const shown = () => cardsInCell(board.doc, stage!.id, steps.id).map((card) => card.id);
  return { ...board, stageId: stage!.id, otherStageId: other!.id, laneId: steps.id, me, shown };
}

describe("merging cards", () => {
  it("shows merged cards as one that keeps every original's text, department and rating, and restores each on its own", () => {
    const { doc, me, shown } = stepsBoard();
    rateStep(doc, { cardId: "b", participantId: "p1", department: "support", value: -2 }, me);
    mergeCards(doc, { into: "a", ids: ["b"] }, me);
    expect(shown()).toEqual(["a", "c"]);
    expect(mergedOriginals(doc, "a").map((card) => [card.text, card.authorDepartment])).toEqual([
      ["ما هي رحلة العميل؟", "support"],
    ]);
    expect(mergeGroupOf(doc, "a")).toEqual(["a", "b"]);
    expect(readAll(doc, "ratings").map((rating) => rating.cardId)).toEqual(["b"]);
    expect(settledViolations(doc)).toEqual([]);

    restoreMergedCard(doc, { id: "b" }, me);
    expect(shown()).toEqual(["a", "b", "c"]);
    expect(readRecord(doc, "cards", "b")).toMatchObject({ text: "ما هي رحلة العميل؟", mergedInto: null });
  });

  it("merges a merged card into another with its originals, each still restored on its own", () => {
    const { doc, me, shown } = stepsBoard();
    mergeCards(doc, { into: "a", ids: ["b"] }, me);
    mergeCards(doc, { into: "c", ids: ["a"] }, me);
    expect(shown()).toEqual(["c"]);
    expect(mergeGroupOf(doc, "c")).toEqual(["c", "a", "b"]);
    restoreMergedCard(doc, { id: "b" }, me);
    expect(shown()).toEqual(["c", "b"]);
    expect(mergeGroupOf(doc, "c")).toEqual(["c", "a"]);
  });

  it("is undone in one step, which splits the cards again", () => {
    const { doc, me, shown } = stepsBoard();
    const manager = createUndoManager(doc, me);
    mergeCards(doc, { into: "a", ids: ["b", "c"] }, me);
    expect(shown()).toEqual(["a"]);
    undo(manager);
    expect(shown()).toEqual(["a", "b", "c"]);
    expect(readAll(doc, "cards").every((card) => card.mergedInto === null)).toBe(true);
  });

  it("moves and deletes a merged card with its originals", () => {
    const { doc, me, shown, otherStageId, laneId } = stepsBoard();
    mergeCards(doc, { into: "a", ids: ["b"] }, me);
    moveCard(doc, { id: "a", stageId: otherStageId, laneId, index: 0 }, me);
    expect(shown()).toEqual(["c"]);
    expect(readRecord(doc, "cards", "b")).toMatchObject({ stageId: otherStageId, mergedInto: "a" });
    deleteCards(doc, { ids: ["a"] }, me);
    expect(readAll(doc, "cards").map((card) => card.id)).toEqual(["c"]);
  });

  it("refuses fewer than two cards, cards of other cells, unknown cards and a card already merged, changing nothing", () => {
    const { doc, me, journeyId, otherStageId, laneId } = stepsBoard();
    addCard(
      doc,
      {
        id: "far",
        journeyId,
        stageId: otherStageId,
        laneId,
        text: "x",
        authorName: "",
        authorDepartment: "",
        createdAt: 9,
      },
      me,
    );
    mergeCards(doc, { into: "a", ids: ["b"] }, me);
    const before = JSON.stringify(readAll(doc, "cards"));
    for (const args of [
      { into: "a", ids: ["a"] },
      { into: "a", ids: ["far"] },
      { into: "a", ids: ["missing"] },
      { into: "c", ids: ["b"] },
    ]) {
      expect(() => mergeCards(doc, args, me)).toThrow(DomainError);
    }
    expect(() => restoreMergedCard(doc, { id: "c" }, me)).toThrow(DomainError);
    expect(JSON.stringify(readAll(doc, "cards"))).toBe(before);
  });

  it("lets only those who run the workshop merge or restore, in any phase", () => {
    expect(mayMerge("facilitator")).toBe(true);
    expect(mayMerge("cofacilitator")).toBe(true);
    expect(mayMerge("participant")).toBe(false);
    expect(mayMerge("viewer")).toBe(false);
  });

  it("reads one merged card on every replica when two people merged the same cards into each other at once", () => {
    const { doc, me, shown } = stepsBoard();
    // What both merges leave once both arrive: a into b, and b into a.
    doc.transact(() => {
      patchRecord(doc, "cards", "a", { mergedInto: "b" });
      patchRecord(doc, "cards", "b", { mergedInto: "a" });
    }, me);
    expect(mergeRootOf(doc, "a")).toBe("a");
    expect(mergeRootOf(doc, "b")).toBe("a");
    expect(shown()).toEqual(["a", "c"]);
    expect(mergeGroupOf(doc, "a")).toEqual(["a", "b"]);
    restoreMergedCard(doc, { id: "b" }, me);
    expect(shown()).toEqual(["a", "b", "c"]);
  });

  it("brings a card merged into a deleted card back on its own", () => {
    const { doc, me, shown } = stepsBoard();
    patchRecord(doc, "cards", "b", { mergedInto: "gone-meanwhile" });
    expect(shown()).toEqual(["a", "b", "c"]);
    mergeCards(doc, { into: "a", ids: ["b"] }, me);
    expect(shown()).toEqual(["a", "c"]);
  });

  it("copies a journey with its merged cards merged in the copy", () => {
    const { doc, me, journeyId, stageId } = stepsBoard();
    mergeCards(doc, { into: "a", ids: ["b"] }, me);
    copyJourney(doc, { sourceId: journeyId, id: "copy", title: "نسخة" }, me);
    const copied = readAll(doc, "cards").filter((card) => card.journeyId === "copy");
    const root = copied.find((card) => card.text === "ما هي رحلة العميل ؟")!;
    const original = copied.find((card) => card.text === "ما هي رحلة العميل؟")!;
    expect(original.mergedInto).toBe(root.id);
    expect(root.stageId).not.toBe(stageId);
    expect(settledViolations(doc)).toEqual([]);
  });
});

describe("dots on merged cards", () => {
  const rootOf = (cardId: string) => (cardId === "b" ? "a" : cardId);
  it("counts a voter's dots on a merged card's originals for it, once within the cap, and each voter apart", () => {
    const rows = [
      { participantId: "ola", cardId: "a", dots: 1, department: "sales" },
      { participantId: "ola", cardId: "b", dots: 1, department: "sales" },
      { participantId: "reza", cardId: "b", dots: 2, department: "it" },
      { participantId: "reza", cardId: "c", dots: 1, department: "it" },
    ];
    expect(dotsOnMergedCards(rows, rootOf, 1)).toEqual([
      { participantId: "ola", cardId: "a", dots: 1, department: "sales" },
      { participantId: "reza", cardId: "a", dots: 1, department: "it" },
      { participantId: "reza", cardId: "c", dots: 1, department: "it" },
    ]);
    expect(dotsOnMergedCards(rows, rootOf, 3).map((row) => row.dots)).toEqual([2, 2, 1]);
  });
});
