import { describe, expect, it } from "vitest";
import {
  DomainError,
  addCard,
  cardsInCell,
  cellRuns,
  createUndoManager,
  groupCards,
  localUserOrigin,
  moveCard,
  readAll,
  renameCluster,
  settledViolations,
  undo,
  ungroupCards,
} from "../src/index";
import { newBoardDoc } from "./boards";

/** Four irritants of one cell (a, b, c, d in that order) and one of another cell. */
function irritantsBoard() {
  const board = newBoardDoc();
  const lane = board.lanes.find((l) => l.kind === "irritants")!;
  const [stage, other] = board.stages;
  const me = localUserOrigin();
  const add = (id: string, stageId: string) =>
    addCard(
      board.doc,
      {
        id,
        journeyId: board.journeyId,
        stageId,
        laneId: lane.id,
        text: id,
        authorName: "",
        authorDepartment: "it",
        createdAt: 1,
      },
      me,
    );
  for (const id of ["a", "b", "c", "d"]) add(id, stage!.id);
  add("far", other!.id);
  const cell = { stageId: stage!.id, laneId: lane.id };
  const runs = () =>
    cellRuns(cardsInCell(board.doc, cell.stageId, cell.laneId)).map((run) => [run.cluster, run.cards.map((c) => c.id)]);
  return { ...board, me, cell, runs };
}

describe("clusters", () => {
  it("groups cards of a cell under a name, together where the first stood, each still a card of its own", () => {
    const { doc, me, runs } = irritantsBoard();
    groupCards(doc, { ids: ["d", "b"], name: "  Waiting  " }, me);
    expect(runs()).toEqual([
      [null, ["a"]],
      ["Waiting", ["b", "d"]],
      [null, ["c"]],
    ]);
    groupCards(doc, { ids: ["a"], name: "Waiting" }, me);
    expect(runs()).toEqual([
      ["Waiting", ["a", "b", "d"]],
      [null, ["c"]],
    ]);
    expect(readAll(doc, "cards").filter((card) => card.mergedInto !== null)).toEqual([]);
    expect(settledViolations(doc)).toEqual([]);
  });

  it("renames a cluster, ungroups cards where they stand, and undo takes back each step", () => {
    const { doc, me, runs, cell } = irritantsBoard();
    const manager = createUndoManager(doc, me);
    groupCards(doc, { ids: ["b", "c"], name: "Fees" }, me);
    manager.stopCapturing();
    renameCluster(doc, { ...cell, from: "Fees", to: "Hidden fees" }, me);
    expect(runs()).toEqual([
      [null, ["a"]],
      ["Hidden fees", ["b", "c"]],
      [null, ["d"]],
    ]);
    manager.stopCapturing();
    ungroupCards(doc, { ids: ["b"] }, me);
    expect(runs()).toEqual([
      [null, ["a"]],
      [null, ["b"]],
      ["Hidden fees", ["c"]],
      [null, ["d"]],
    ]);
    undo(manager);
    undo(manager);
    expect(runs()[1]).toEqual(["Fees", ["b", "c"]]);
    undo(manager);
    expect(runs()).toEqual([
      [null, ["a"]],
      [null, ["b"]],
      [null, ["c"]],
      [null, ["d"]],
    ]);
  });

  it("refuses cards of two cells, an empty or too long name and an unknown cluster, changing nothing", () => {
    const { doc, me, cell } = irritantsBoard();
    const before = JSON.stringify(readAll(doc, "cards"));
    expect(() => groupCards(doc, { ids: ["a", "far"], name: "x" }, me)).toThrow(DomainError);
    expect(() => groupCards(doc, { ids: ["a"], name: "   " }, me)).toThrow(DomainError);
    expect(() => groupCards(doc, { ids: ["a"], name: "x".repeat(201) }, me)).toThrow(DomainError);
    expect(() => groupCards(doc, { ids: [], name: "x" }, me)).toThrow(DomainError);
    expect(() => renameCluster(doc, { ...cell, from: "none", to: "x" }, me)).toThrow(DomainError);
    expect(JSON.stringify(readAll(doc, "cards"))).toBe(before);
  });

  it("takes a card dropped between two cards of a cluster into it, keeps one moved beside its own, and lets one moved away leave", () => {
    const { doc, me, runs, cell } = irritantsBoard();
    groupCards(doc, { ids: ["a", "b"], name: "Fees" }, me);
    expect(runs()).toEqual([
      ["Fees", ["a", "b"]],
      [null, ["c"]],
      [null, ["d"]],
    ]);
    moveCard(doc, { id: "d", ...cell, index: 1 }, me);
    expect(runs()).toEqual([
      ["Fees", ["a", "d", "b"]],
      [null, ["c"]],
    ]);
    moveCard(doc, { id: "a", ...cell, index: 2 }, me);
    expect(runs()).toEqual([
      ["Fees", ["d", "b", "a"]],
      [null, ["c"]],
    ]);
    moveCard(doc, { id: "d", ...cell, index: 3 }, me);
    expect(runs()).toEqual([
      ["Fees", ["b", "a"]],
      [null, ["c"]],
      [null, ["d"]],
    ]);
    expect(settledViolations(doc)).toEqual([]);
  });
});
