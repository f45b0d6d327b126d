import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  LIMITS,
  DomainError,
  addCard,
  addPersona,
  deletePersona,
  personasInOrder,
  addLane,
  addStage,
  boardScope,
  cardsInCell,
  deleteCards,
  deleteLane,
  deleteStage,
  editCardText,
  localUserOrigin,
  moveCard,
  moveCards,
  moveLane,
  moveStage,
  readJourneyGrid,
  readRecord,
  renameLane,
  renameStage,
  settledViolations,
  stagesOf,
  lanesOf,
  MAP_TYPE_LANES,
  createUndoManager,
  undo,
  redo,
  directionOf,
  recordsOf,
  repairAfter,
  setCardTextDirection,
  type ChangedTypes,
} from "../src/index";
import { newBoardDoc } from "./boards";

const me = localUserOrigin();
const card = (journeyId: string, stageId: string, laneId: string, id: string, text = id) => ({
  id,
  journeyId,
  stageId,
  laneId,
  text,
  authorName: "Ola",
  authorDepartment: "digital",
  createdAt: 1,
});

describe("board templates", () => {
  it("creates the stages of the stage set and the lanes of the map type, in order", () => {
    const { doc, stages, lanes } = newBoardDoc();
    expect(stages.map((s) => s.preset)).toEqual(["awareness", "consideration", "purchase", "retention", "advocacy"]);
    expect(lanes.map((l) => l.kind)).toEqual(MAP_TYPE_LANES.currentState.map((l) => l.kind));
    expect(settledViolations(doc)).toEqual([]);
  });
});

describe("stages and lanes", () => {
  it("adds a stage at a position, renames it and reorders it", () => {
    const { doc, journeyId } = newBoardDoc();
    addStage(doc, { id: "new", journeyId, title: "Research", index: 1 }, me);
    expect(stagesOf(doc, journeyId)[1]?.id).toBe("new");
    renameStage(doc, { id: "new", title: "Browse" }, me);
    moveStage(doc, { id: "new", index: 4 }, me);
    const stages = stagesOf(doc, journeyId);
    expect(stages[4]).toMatchObject({ id: "new", title: "Browse" });
    expect(stages).toHaveLength(6);
  });

  it("adds, renames and reorders lanes the same way", () => {
    const { doc, journeyId } = newBoardDoc();
    addLane(doc, { id: "ops", journeyId, title: "Back office", kind: "backstage", index: 0 }, me);
    renameLane(doc, { id: "ops", title: "Warehouse" }, me);
    moveLane(doc, { id: "ops", index: 2 }, me);
    expect(lanesOf(doc, journeyId)[2]).toMatchObject({ id: "ops", title: "Warehouse", kind: "backstage" });
  });

  it("deleting a stage removes its cards, and undo brings both back", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    const [s0, s1] = stages;
    const [l0] = lanes;
    addCard(doc, card(journeyId, s0!.id, l0!.id, "a"), me);
    addCard(doc, card(journeyId, s1!.id, l0!.id, "b"), me);
    const undo = new Y.UndoManager(boardScope(doc), { trackedOrigins: new Set([me]), captureTimeout: 0 });
    deleteStage(doc, { id: s0!.id }, me);
    expect(readRecord(doc, "cards", "a")).toBeUndefined();
    expect(readRecord(doc, "cards", "b")).toBeDefined();
    expect(stagesOf(doc, journeyId).map((s) => s.id)).not.toContain(s0!.id);
    undo.undo();
    expect(stagesOf(doc, journeyId)[0]?.id).toBe(s0!.id);
    expect(readRecord(doc, "cards", "a")?.text).toBe("a");
    expect(settledViolations(doc)).toEqual([]);
  });

  it("undoing the creation of a stage removes the cards a colleague put in it, and redo brings them back", () => {
    const { doc, journeyId, lanes } = newBoardDoc();
    const undoManager = createUndoManager(doc, me);
    addStage(doc, { id: "fresh", journeyId, title: "Fresh", index: 0 }, me);
    addCard(doc, card(journeyId, "fresh", lanes[0]!.id, "theirs"), localUserOrigin());
    undo(undoManager);
    expect(readRecord(doc, "stages", "fresh")).toBeUndefined();
    expect(readRecord(doc, "cards", "theirs")).toBeUndefined();
    expect(settledViolations(doc)).toEqual([]);
    redo(undoManager);
    expect(readRecord(doc, "stages", "fresh")).toBeDefined();
    expect(readRecord(doc, "cards", "theirs")?.text).toBe("theirs");
  });

  it("regression (convergence seed 15): undoing a stage deletion brings back a whole card even if a colleague overwrote its text meanwhile", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    addCard(doc, card(journeyId, stages[0]!.id, lanes[0]!.id, "a", "original"), me);
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(doc));
    const undoManager = createUndoManager(doc, me);
    deleteStage(doc, { id: stages[0]!.id }, me);
    editCardText(colleague, { id: "a", text: "edited meanwhile" }, localUserOrigin());
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(colleague, Y.encodeStateVector(doc)));
    undo(undoManager);
    expect(readRecord(doc, "cards", "a")).toMatchObject({ stageId: stages[0]!.id, text: expect.any(String) });
    expect(settledViolations(doc)).toEqual([]);
  });

  it("deleting a lane removes its cards", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    addCard(doc, card(journeyId, stages[0]!.id, lanes[1]!.id, "a"), me);
    deleteLane(doc, { id: lanes[1]!.id }, me);
    expect(readRecord(doc, "cards", "a")).toBeUndefined();
    expect(() => renameLane(doc, { id: lanes[1]!.id, title: "x" }, me)).toThrow(DomainError);
  });
});

describe("cards", () => {
  it("adds cards in a cell in order, edits, moves and deletes them", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    const [s0, s1] = stages;
    const [l0, l1] = lanes;
    addCard(doc, card(journeyId, s0!.id, l0!.id, "a"), me);
    addCard(doc, card(journeyId, s0!.id, l0!.id, "b"), me);
    addCard(doc, { ...card(journeyId, s0!.id, l0!.id, "c"), index: 0 }, me);
    expect(cardsInCell(doc, s0!.id, l0!.id).map((c) => c.id)).toEqual(["c", "a", "b"]);

    editCardText(doc, { id: "a", text: "I compare prices online" }, me);
    moveCard(doc, { id: "a", stageId: s1!.id, laneId: l1!.id, index: 0 }, me);
    const grid = readJourneyGrid(doc, journeyId);
    expect(grid.cells.get(`${s1!.id}\u0000${l1!.id}`)?.map((c) => c.text)).toEqual(["I compare prices online"]);

    deleteCards(doc, { ids: ["b", "c"] }, me);
    expect(cardsInCell(doc, s0!.id, l0!.id)).toEqual([]);
  });

  it("moves several cards in one transaction, each to the end of its cell in the order given", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    const [s0, s1] = stages;
    const [l0] = lanes;
    for (const id of ["a", "b", "c"]) addCard(doc, card(journeyId, s0!.id, l0!.id, id), me);
    let transactions = 0;
    doc.on("afterTransaction", () => transactions++);
    const end = Number.MAX_SAFE_INTEGER;
    moveCards(
      doc,
      {
        moves: [
          { id: "b", stageId: s1!.id, laneId: l0!.id, index: end },
          { id: "c", stageId: s1!.id, laneId: l0!.id, index: end },
        ],
      },
      me,
    );
    expect(transactions).toBe(1);
    expect(cardsInCell(doc, s1!.id, l0!.id).map((c) => c.id)).toEqual(["b", "c"]);
    expect(cardsInCell(doc, s0!.id, l0!.id).map((c) => c.id)).toEqual(["a"]);
  });

  it("refuses card text over the limit and leaves the card as it was", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    addCard(doc, card(journeyId, stages[0]!.id, lanes[0]!.id, "a", "short"), me);
    expect(() => editCardText(doc, { id: "a", text: "x".repeat(LIMITS.cardText + 1) }, me)).toThrow(/longer than/);
    expect(readRecord(doc, "cards", "a")?.text).toBe("short");
  });

  it("refuses a card in a deleted stage", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    deleteStage(doc, { id: stages[0]!.id }, me);
    expect(() => addCard(doc, card(journeyId, stages[0]!.id, lanes[0]!.id, "a"), me)).toThrow(/deleted/);
    expect(readRecord(doc, "cards", "a")).toBeUndefined();
  });

  it("undo reverts only the local user's edits, never a colleague's", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    const colleague = localUserOrigin();
    const undo = new Y.UndoManager(boardScope(doc), { trackedOrigins: new Set([me]), captureTimeout: 0 });
    addCard(doc, card(journeyId, stages[0]!.id, lanes[0]!.id, "mine"), me);
    addCard(doc, card(journeyId, stages[0]!.id, lanes[0]!.id, "theirs"), colleague);
    undo.undo();
    expect(readRecord(doc, "cards", "mine")).toBeUndefined();
    expect(readRecord(doc, "cards", "theirs")).toBeDefined();
    undo.redo();
    expect(readRecord(doc, "cards", "mine")).toBeDefined();
  });
});

describe("a card's text direction", () => {
  it("comes from the text until someone sets it, and setting it is one step of undo", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    addCard(doc, card(journeyId, stages[0]!.id, lanes[0]!.id, "a", "Digikala سفارشم را دیر فرستاد"), me);
    const shown = () => {
      const record = readRecord(doc, "cards", "a")!;
      return [record.textDirection, directionOf(record.text, record.textDirection)];
    };
    expect(shown()).toEqual(["auto", "ltr"]);
    const manager = createUndoManager(doc, me);
    setCardTextDirection(doc, { id: "a", textDirection: "rtl" }, me);
    expect(shown()).toEqual(["rtl", "rtl"]);
    editCardText(doc, { id: "a", text: "I compare prices" }, me);
    expect(shown()).toEqual(["rtl", "rtl"]);
    undo(manager);
    undo(manager);
    expect(shown()).toEqual(["auto", "ltr"]);
  });

  it("refuses a direction that is not auto, rtl or ltr, and leaves the card as it was", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    addCard(doc, card(journeyId, stages[0]!.id, lanes[0]!.id, "a"), me);
    const sideways = { id: "a", textDirection: "ttb" } as unknown as Parameters<typeof setCardTextDirection>[1];
    expect(() => setCardTextDirection(doc, sideways, me)).toThrow(DomainError);
    expect(readRecord(doc, "cards", "a")?.textDirection).toBe("auto");
  });

  it("is given back as auto to a card that arrives without one", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    addCard(doc, card(journeyId, stages[0]!.id, lanes[0]!.id, "a"), me);
    let changed: ChangedTypes | undefined;
    doc.once("afterTransaction", (transaction: Y.Transaction) => (changed = transaction.changed));
    recordsOf(doc, "cards").get("a")!.delete("textDirection");
    doc.transact(() => repairAfter(doc, changed!));
    expect(readRecord(doc, "cards", "a")?.textDirection).toBe("auto");
    expect(settledViolations(doc)).toEqual([]);
  });
});

describe("repair after a change that broke a record", () => {
  it("removes a card that lost its id, found by its key in the board", () => {
    const { doc, journeyId, stages, lanes } = newBoardDoc();
    addCard(doc, card(journeyId, stages[0]!.id, lanes[0]!.id, "a"), me);
    let changed: ChangedTypes | undefined;
    doc.once("afterTransaction", (transaction: Y.Transaction) => (changed = transaction.changed));
    recordsOf(doc, "cards").get("a")!.delete("id");
    doc.transact(() => repairAfter(doc, changed!));
    expect(recordsOf(doc, "cards").has("a")).toBe(false);
    expect(settledViolations(doc)).toEqual([]);
  });
});

describe("personas", () => {
  it("lists personas in the order they were added, whatever their ids", () => {
    const { doc } = newBoardDoc();
    const me = localUserOrigin();
    for (const id of ["zofia", "amal", "maryam"]) addPersona(doc, { id, name: id }, me);
    expect(personasInOrder(doc).map((p) => p.id)).toEqual(["zofia", "amal", "maryam"]);
    deletePersona(doc, { id: "amal" }, me);
    addPersona(doc, { id: "babak" }, me);
    expect(personasInOrder(doc).map((p) => p.id)).toEqual(["zofia", "maryam", "babak"]);
    expect(settledViolations(doc)).toEqual([]);
  });
});
