import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addCard,
  addJourney,
  addPersona,
  deleteCards,
  editCardText,
  initBoard,
  lanesOf,
  localUserOrigin,
  mergeCards,
  moveCard,
  restoreMergedCard,
  serverOrigin,
  stagesOf,
} from "@journeyboard/shared";
import { BoardModel } from "./BoardModel";

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: "t", locale: "en", createdAt: 1 }, serverOrigin("create-board"));
  addJourney(
    doc,
    { id: "j", title: "", mapType: "currentState", stageSet: "macro", personaId: null },
    serverOrigin("create-board"),
  );
  const [s] = stagesOf(doc, "j");
  const [l] = lanesOf(doc, "j");
  const me = localUserOrigin();
  for (const id of ["a", "b", "c"]) {
    addCard(
      doc,
      {
        id,
        journeyId: "j",
        stageId: s!.id,
        laneId: l!.id,
        text: id,
        authorName: "",
        authorDepartment: "sales",
        createdAt: 1,
      },
      me,
    );
  }
  return { doc, cell: `${s!.id}\u0000${l!.id}` };
}

describe("BoardModel", () => {
  it("lists the personas in the order they were added: a new one is last, not placed by its id", () => {
    const { doc } = board();
    const model = new BoardModel(doc);
    for (const id of ["m", "z", "a"]) addPersona(doc, { id, name: id }, localUserOrigin());
    expect(model.personas().map((p) => p.id)).toEqual(["m", "z", "a"]);
  });

  it("gives a new object only to the card a remote edit changed", () => {
    const { doc, cell } = board();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const model = new BoardModel(doc);
    const before = model.grid("j").cells.get(cell)!;
    editCardText(remote, { id: "b", text: "changed elsewhere" }, localUserOrigin());
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    const after = model.grid("j").cells.get(cell)!;
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]!.text).toBe("changed elsewhere");
  });

  it("keeps the arrays of untouched cells and of the axes when a card moves, and places the card in order", () => {
    const { doc, cell } = board();
    const model = new BoardModel(doc);
    const [s0, s1] = stagesOf(doc, "j");
    const [l0, l1] = lanesOf(doc, "j");
    const untouched = `${s0!.id}\u0000${l1!.id}`;
    addCard(
      doc,
      {
        id: "d",
        journeyId: "j",
        stageId: s0!.id,
        laneId: l1!.id,
        text: "d",
        authorName: "",
        authorDepartment: "",
        createdAt: 1,
      },
      localUserOrigin(),
    );
    const before = model.grid("j");
    moveCard(doc, { id: "c", stageId: s1!.id, laneId: l0!.id, index: 0 }, localUserOrigin());
    moveCard(doc, { id: "a", stageId: s1!.id, laneId: l0!.id, index: 1 }, localUserOrigin());
    const after = model.grid("j");
    expect(after.cells.get(untouched)).toBe(before.cells.get(untouched));
    expect(after.stages).toBe(before.stages);
    expect(after.lanes).toBe(before.lanes);
    expect(after.cells.get(cell)!.map((c) => c.id)).toEqual(["b"]);
    expect(after.cells.get(`${s1!.id}\u0000${l0!.id}`)!.map((c) => c.id)).toEqual(["c", "a"]);
    deleteCards(doc, { ids: ["b"] }, localUserOrigin());
    expect(model.grid("j").cells.has(cell)).toBe(false);
  });

  it("counts the cards each merged card stands for, the same map until its cell changes", () => {
    const { doc, cell } = board();
    const model = new BoardModel(doc);
    expect(model.mergedIn(cell).size).toBe(0);
    mergeCards(doc, { into: "a", ids: ["b"] }, localUserOrigin());
    mergeCards(doc, { into: "c", ids: ["a"] }, localUserOrigin());
    const merged = model.mergedIn(cell);
    expect([...merged]).toEqual([["c", 3]]);
    expect(model.mergedIn(cell)).toBe(merged);
    restoreMergedCard(doc, { id: "b" }, localUserOrigin());
    expect([...model.mergedIn(cell)]).toEqual([["c", 2]]);
    restoreMergedCard(doc, { id: "a" }, localUserOrigin());
    expect(model.mergedIn(cell).size).toBe(0);
  });

  it("tells subscribers about each change and stops after destroy", () => {
    const { doc } = board();
    const model = new BoardModel(doc);
    let calls = 0;
    model.subscribe(() => calls++);
    editCardText(doc, { id: "a", text: "x" }, localUserOrigin());
    expect(calls).toBe(1);
    model.destroy();
    editCardText(doc, { id: "a", text: "y" }, localUserOrigin());
    expect(calls).toBe(1);
  });
});
