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
  parseBoardFile,
  rateStep,
  renameBoard,
  restoreBoard,
  setCardTextDirection,
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

  it("keeps each card's text direction through export and import, and refuses a file with one the app does not know", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    const me = localUserOrigin();
    const add = (id: string, text: string) =>
      addCard(
        doc,
        {
          id,
          journeyId,
          stageId: stages[0]!.id,
          laneId: lanes[0]!.id,
          text,
          authorName: "",
          authorDepartment: "",
          createdAt: 1,
        },
        me,
      );
    add("auto", "می‌خواهم سفارشم را پیگیری کنم");
    add("rtl", "Digikala سفارشم را دیر فرستاد");
    add("ltr", "«شكراً» — the agent said");
    setCardTextDirection(doc, { id: "rtl", textDirection: "rtl" }, me);
    setCardTextDirection(doc, { id: "ltr", textDirection: "ltr" }, me);
    const json = JSON.stringify(exportBoard(doc));

    const parsed = parseBoardFile(JSON.parse(json));
    if (!parsed.ok) throw new Error(parsed.error);
    const imported = importBoard(parsed.board);
    expect(JSON.stringify(exportBoard(imported))).toBe(json);
    expect(Object.fromEntries(exportBoard(imported).records.cards.map((c) => [c.id, c.textDirection]))).toEqual({
      auto: "auto",
      rtl: "rtl",
      ltr: "ltr",
    });

    const file = JSON.parse(json) as { records: { cards: Array<Record<string, unknown>> } };
    file.records.cards[1]!.textDirection = "rtl-override";
    expect(parseBoardFile(file)).toMatchObject({
      ok: false,
      problem: "invalid",
      field: "records.cards.1.textDirection",
    });
    delete file.records.cards[1]!.textDirection;
    expect(parseBoardFile(file)).toMatchObject({
      ok: false,
      problem: "invalid",
      field: "records.cards.1.textDirection",
    });
  });
});
