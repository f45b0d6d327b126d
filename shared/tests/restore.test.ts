import { describe, expect, it } from "vitest";
import {
  addActions,
  addCard,
  createUndoManager,
  deleteCards,
  editCardText,
  exportBoard,
  importBoard,
  localUserOrigin,
  rateStep,
  renameBoard,
  restoreBoard,
  undo,
} from "../src/index";
import { newBoardDoc } from "./boards";

describe("restoring a snapshot", () => {
  it("makes the board what the snapshot holds as one change its author can undo", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    const me = localUserOrigin();
    const card = (id: string, text: string) =>
      addCard(
        doc,
        {
          id,
          journeyId,
          stageId: stages[0]!.id,
          laneId: lanes[0]!.id,
          text,
          authorName: "",
          authorDepartment: "sales",
          createdAt: 1,
        },
        me,
      );
    card("kept", "I look for a dress");
    card("deleted", "I ask a friend");
    const snapshot = exportBoard(doc);

    deleteCards(doc, { ids: ["deleted"] }, me);
    editCardText(doc, { id: "kept", text: "changed" }, me);
    card("added", "new after the snapshot");
    addActions(doc, { actions: [{ id: "a", title: "later", createdAt: 2 }] }, me);
    renameBoard(doc, { title: "Renamed" }, me);
    const before = JSON.stringify(exportBoard(doc));

    const restorer = localUserOrigin();
    const undoManager = createUndoManager(doc, restorer);
    restoreBoard(doc, snapshot, restorer);
    expect(exportBoard(doc)).toEqual(snapshot);
    undo(undoManager);
    expect(JSON.stringify(exportBoard(doc))).toBe(before);
  });
});

describe("a board file", () => {
  it("leaves out the ratings of a deleted card, so the board it exports imports again", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    const me = localUserOrigin();
    for (const id of ["kept", "deleted"]) {
      addCard(
        doc,
        {
          id,
          journeyId,
          stageId: stages[0]!.id,
          laneId: lanes[0]!.id,
          text: id,
          authorName: "",
          authorDepartment: "sales",
          createdAt: 1,
        },
        me,
      );
      rateStep(doc, { cardId: id, participantId: "p1", department: "sales", value: 1 }, me);
    }
    deleteCards(doc, { ids: ["deleted"] }, me);

    const file = exportBoard(doc);
    expect(file.records.ratings.map((rating) => rating.cardId)).toEqual(["kept"]);
    expect(exportBoard(importBoard(file))).toEqual(file);
  });
});
