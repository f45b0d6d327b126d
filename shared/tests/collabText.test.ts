import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  DomainError,
  TEXT_FIELDS,
  addCard,
  boardJsonSchema,
  createUndoManager,
  editCardText,
  editText,
  localUserOrigin,
  readRecord,
  recordsOf,
  spliceBetween,
  textOf,
  undo,
  type Origin,
} from "../src/index";
import { newBoardDoc } from "./boards";

/** Two replicas of one board, with clients 1 and 2, and a way to exchange what each has that the other lacks. */
function twoReplicas() {
  const board = newBoardDoc();
  const left = board.doc;
  const right = new Y.Doc();
  right.clientID = 2;
  Y.applyUpdate(right, Y.encodeStateAsUpdate(left));
  const sync = () => {
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left, Y.encodeStateVector(right)));
    Y.applyUpdate(left, Y.encodeStateAsUpdate(right, Y.encodeStateVector(left)));
  };
  const addCardIn = (doc: Y.Doc, id: string, text: string, origin: Origin) =>
    addCard(
      doc,
      {
        id,
        journeyId: board.journeyId,
        stageId: board.stages[0]!.id,
        laneId: board.lanes[0]!.id,
        text,
        authorName: "Amal",
        authorDepartment: "sales",
        createdAt: 1,
      },
      origin,
    );
  return { left, right, sync, addCardIn };
}

/** Types text as a person does: one character at a time at a position. */
function type(doc: Y.Doc, id: string, at: number, text: string, origin: Origin) {
  [...text].forEach((char, i) =>
    editText(doc, { root: "cards", id, field: "text", splice: { index: at + i, remove: 0, insert: char } }, origin),
  );
}

describe("text that merges", () => {
  it("finds the one splice between two texts without cutting a surrogate pair", () => {
    expect(spliceBetween("I wait", "I wait long")).toEqual({ index: 6, remove: 0, insert: " long" });
    expect(spliceBetween("أنتظر طويلا", "أنتظر")).toEqual({ index: 5, remove: 6, insert: "" });
    expect(spliceBetween("a😀b", "a😃b")).toEqual({ index: 1, remove: 2, insert: "😃" });
    expect(spliceBetween("same", "same")).toBeNull();
  });

  it("stores every text people write together as a Y.Text that reads as a string", () => {
    const { left, addCardIn } = twoReplicas();
    addCardIn(left, "c", "أقارن الأسعار", localUserOrigin());
    expect(recordsOf(left, "cards").get("c")!.get("text")).toBeInstanceOf(Y.Text);
    expect(readRecord(left, "cards", "c")!.text).toBe("أقارن الأسعار");
  });

  it("says in the published JSON Schema of board.json how each text field is stored", () => {
    const schema = boardJsonSchema() as {
      properties: {
        records: { properties: Record<string, { items: { properties: Record<string, { description?: string }> } }> };
      };
    };
    for (const [root, fields] of Object.entries(TEXT_FIELDS)) {
      for (const field of fields) {
        const described = schema.properties.records.properties[root]!.items.properties[field]!.description;
        expect(described, `${root}.${field}`).toContain("Y.Text");
      }
    }
  });

  it("keeps both people's words when two type in one card at the same time", () => {
    const { left, right, sync, addCardIn } = twoReplicas();
    addCardIn(left, "c", "I wait", localUserOrigin());
    sync();
    type(left, "c", 0, "Today ", localUserOrigin());
    type(right, "c", 6, " on the phone", localUserOrigin());
    sync();
    expect(readRecord(left, "cards", "c")!.text).toBe("Today I wait on the phone");
    expect(readRecord(right, "cards", "c")!.text).toBe("Today I wait on the phone");
  });

  it("writes only what a whole-text edit changed, so a colleague's concurrent typing survives", () => {
    const { left, right, sync, addCardIn } = twoReplicas();
    addCardIn(left, "c", "Czekam na kuriera", localUserOrigin());
    sync();
    type(right, "c", 0, "Długo ", localUserOrigin());
    editCardText(left, { id: "c", text: "Czekam na kuriera DPD" }, localUserOrigin());
    sync();
    expect(readRecord(left, "cards", "c")!.text).toBe("Długo Czekam na kuriera DPD");
  });

  it("refuses typing that would take a card past 2,000 characters, and takes deleting", () => {
    const { left, addCardIn } = twoReplicas();
    addCardIn(left, "c", "x".repeat(2000), localUserOrigin());
    const splice = (remove: number, insert: string) => ({
      root: "cards" as const,
      id: "c",
      field: "text",
      splice: { index: 0, remove, insert },
    });
    expect(() => editText(left, splice(0, "y"), localUserOrigin())).toThrow(DomainError);
    expect(() =>
      editText(left, { ...splice(0, ""), splice: { index: 1999, remove: 5, insert: "" } }, localUserOrigin()),
    ).toThrow(DomainError);
    editText(left, splice(2, "y"), localUserOrigin());
    expect(textOf(left, "cards", "c", "text")!.length).toBe(1999);
  });

  it("undoes typing a word at a time, not a keystroke at a time", () => {
    const { left, addCardIn } = twoReplicas();
    const me = localUserOrigin();
    const manager = createUndoManager(left, me);
    addCardIn(left, "c", "", me);
    type(left, "c", 0, "I compare prices", me);
    undo(manager);
    expect(readRecord(left, "cards", "c")!.text).toBe("I compare ");
    undo(manager);
    expect(readRecord(left, "cards", "c")!.text).toBe("I ");
    undo(manager);
    undo(manager);
    expect(readRecord(left, "cards", "c")).toBeUndefined();
  });

  it("keeps a card that a colleague wrote in when its author undoes adding it, and says so", () => {
    const { left, right, sync, addCardIn } = twoReplicas();
    const me = localUserOrigin();
    const manager = createUndoManager(left, me);
    addCardIn(left, "mine", "I call", me);
    addCardIn(left, "alone", "I wait", me);
    sync();
    type(right, "mine", 6, " twice", localUserOrigin());
    sync();
    expect(undo(manager)).toBe(0);
    expect(readRecord(left, "cards", "alone")).toBeUndefined();
    expect(undo(manager)).toBe(1);
    sync();
    for (const doc of [left, right]) expect(readRecord(doc, "cards", "mine")!.text).toBe("I call twice");
  });
});
