import { describe, expect, it } from "vitest";
import {
  DomainError,
  LIMITS,
  createUndoManager,
  importGridRows,
  localUserOrigin,
  newId,
  presetWords,
  readJourneyGrid,
  undo,
  type LaneRecord,
  type StageRecord,
} from "../src/index";
import { newBoardDoc } from "./boards";

const me = localUserOrigin();
const namesOf = (r: StageRecord | LaneRecord) => [
  r.title,
  presetWords(r.preset ?? ("kind" in r ? String(r.kind) : "")),
];
const texts = (doc: ReturnType<typeof newBoardDoc>["doc"], journeyId: string) => {
  const grid = readJourneyGrid(doc, journeyId);
  return grid.stages.flatMap((s) =>
    grid.lanes.flatMap((l) =>
      (grid.cells.get(`${s.id}\u0000${l.id}`) ?? []).map((c) => `${s.preset}/${l.kind}/${c.text}`),
    ),
  );
};

describe("importing a table of cards", () => {
  it("adds each filled cell as a card in its row's stage and column's lane, in one undoable change", () => {
    const { doc, journeyId } = newBoardDoc();
    const undoManager = createUndoManager(doc, me);
    const added = importGridRows(
      doc,
      {
        journeyId,
        rows: [
          ["Stage", "steps", "Touchpoints"],
          ["Awareness", "I see an ad", "Instagram"],
          ["awareness", "أسأل صديقة", ""],
          ["", "", ""],
          ["Consideration", "Porównuję ceny", "Website"],
        ],
        namesOf,
        newId,
        authorName: "Ola",
        authorDepartment: "sales",
        createdAt: 1,
      },
      me,
    );
    expect(added).toBe(5);
    expect(texts(doc, journeyId)).toEqual([
      "awareness/steps/I see an ad",
      "awareness/steps/أسأل صديقة",
      "awareness/touchpoints/Instagram",
      "consideration/steps/Porównuję ceny",
      "consideration/touchpoints/Website",
    ]);
    undo(undoManager);
    expect(texts(doc, journeyId)).toEqual([]);
  });

  it("refuses a file it cannot place whole, naming the column or row, and adds nothing", () => {
    const { doc, journeyId } = newBoardDoc();
    const attempt = (rows: string[][]) =>
      importGridRows(
        doc,
        { journeyId, rows, namesOf, newId, authorName: "", authorDepartment: "sales", createdAt: 1 },
        me,
      );
    expect(() => attempt([["step", "Steps"]])).toThrow(/first column must be "stage"/);
    expect(() =>
      attempt([
        ["stage", "Feelings"],
        ["Awareness", "x"],
      ]),
    ).toThrow(/column "Feelings"/);
    expect(() =>
      attempt([
        ["stage", "Steps"],
        ["Awareness", "ok"],
        ["Launch", "x"],
      ]),
    ).toThrow(/row 3: .*"Launch"/);
    expect(() =>
      attempt([
        ["stage", "Steps"],
        ["Awareness", "x".repeat(LIMITS.cardText + 1)],
      ]),
    ).toThrow(DomainError);
    expect(texts(doc, journeyId)).toEqual([]);
  });
});
