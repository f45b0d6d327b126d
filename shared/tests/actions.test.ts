import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  DomainError,
  actionsInOrder,
  addActions,
  addCard,
  createUndoManager,
  deleteActions,
  irritantCoverage,
  localUserOrigin,
  mergeCards,
  moveAction,
  prioritiseActions,
  quadrantOf,
  undo,
  updateAction,
} from "../src/index";
import { newBoardDoc } from "./boards";

const me = localUserOrigin();
const titles = (doc: Y.Doc) => actionsInOrder(doc).map((a) => a.title);

describe("the action plan", () => {
  it("adds actions at the end with defaults, and places a quick win by impact and effort unless overridden", () => {
    const { doc } = newBoardDoc();
    addActions(
      doc,
      {
        actions: [
          { id: "a", title: "Show delivery fees upfront", impact: 5, effort: 1, createdAt: 1 },
          { id: "b", title: "New warehouse system", impact: 4, effort: 5, createdAt: 1 },
        ],
      },
      me,
    );
    expect(titles(doc)).toEqual(["Show delivery fees upfront", "New warehouse system"]);
    const [a, b] = actionsInOrder(doc);
    expect(a).toMatchObject({ status: "proposed", horizon: "month", quadrant: null, cardIds: [] });
    expect([quadrantOf(a!), quadrantOf(b!)]).toEqual(["quickWin", "majorChange"]);
    expect(quadrantOf({ impact: 1, effort: 1, quadrant: null })).toBe("fillIn");
    expect(quadrantOf({ impact: 2, effort: 4, quadrant: null })).toBe("timeSink");
    updateAction(doc, { id: "b", quadrant: "quickWin" }, me);
    expect(quadrantOf(actionsInOrder(doc)[1]!)).toBe("quickWin");
  });

  it("refuses a bad value, naming the field, and changes nothing", () => {
    const { doc } = newBoardDoc();
    addActions(doc, { actions: [{ id: "a", title: "Call back", createdAt: 1 }] }, me);
    expect(() => updateAction(doc, { id: "a", impact: 9 }, me)).toThrow(/actions\.impact/);
    expect(() => updateAction(doc, { id: "a", title: "x".repeat(500) }, me)).toThrow(DomainError);
    expect(() => addActions(doc, { actions: [{ id: "b", effort: 0, createdAt: 1 }] }, me)).toThrow();
    expect(actionsInOrder(doc)).toEqual([expect.objectContaining({ id: "a", impact: 3, title: "Call back" })]);
  });

  it("keeps one shared order under concurrent moves, and sorts by dots, impact and effort on request", () => {
    const left = newBoardDoc().doc;
    addActions(
      left,
      {
        actions: [
          { id: "a", title: "A", dots: 1, impact: 2, createdAt: 1 },
          { id: "b", title: "B", dots: 4, impact: 3, createdAt: 1 },
          { id: "c", title: "C", dots: 4, impact: 5, createdAt: 1 },
          { id: "d", title: "D", dots: 0, impact: 5, effort: 1, createdAt: 1 },
        ],
      },
      me,
    );
    const right = new Y.Doc();
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left));
    moveAction(left, { id: "d", index: 0 }, me);
    moveAction(right, { id: "d", index: 2 }, localUserOrigin());
    moveAction(right, { id: "a", index: 0 }, localUserOrigin());
    Y.applyUpdate(left, Y.encodeStateAsUpdate(right));
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left));
    expect(titles(left)).toEqual(titles(right));
    expect([...titles(left)].sort()).toEqual(["A", "B", "C", "D"]);

    const undoManager = createUndoManager(left, me);
    prioritiseActions(left, me);
    expect(titles(left)).toEqual(["C", "B", "A", "D"]);
    undo(undoManager);
    expect(titles(left)).toEqual(titles(right));
    deleteActions(left, { ids: ["a"] }, me);
    expect(titles(left)).not.toContain("A");
  });

  it("counts actions in what addresses an irritant", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    const irritants = lanes.find((l) => l.kind === "irritants")!;
    addCard(
      doc,
      {
        id: "fees",
        journeyId,
        stageId: stages[0]!.id,
        laneId: irritants.id,
        text: "Hidden fees",
        authorName: "",
        authorDepartment: "sales",
        createdAt: 1,
      },
      me,
    );
    expect(irritantCoverage(doc, journeyId)[0]).toMatchObject({ actions: [] });
    addActions(doc, { actions: [{ id: "a", title: "Show fees", cardIds: ["fees"], createdAt: 1 }] }, me);
    expect(irritantCoverage(doc, journeyId)[0]).toMatchObject({ addressedBy: [], actions: ["a"] });
  });

  it("counts what addresses a card merged into another for the merged card, each action once", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    const irritants = lanes.find((l) => l.kind === "irritants")!;
    for (const [id, text] of [
      ["fees", "Hidden fees"],
      ["fees-again", "Fees are hidden"],
      ["queue", "Long queue"],
    ]) {
      const at = { journeyId, stageId: stages[0]!.id, laneId: irritants.id };
      addCard(doc, { id: id!, ...at, text: text!, authorName: "", authorDepartment: "sales", createdAt: 1 }, me);
    }
    addActions(
      doc,
      {
        actions: [
          { id: "a", title: "Show fees", cardIds: ["fees-again"], createdAt: 1 },
          { id: "b", title: "Fees up front", cardIds: ["fees", "fees-again"], createdAt: 2 },
        ],
      },
      me,
    );
    mergeCards(doc, { into: "fees", ids: ["fees-again"] }, me);
    expect(irritantCoverage(doc, journeyId).map((item) => [item.card.id, item.actions])).toEqual([
      ["fees", ["a", "b"]],
      ["queue", []],
    ]);
  });
});
