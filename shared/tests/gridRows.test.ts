import { describe, expect, it } from "vitest";
import {
  DomainError,
  LIMITS,
  createUndoManager,
  importGridRows,
  GridRefused,
  localUserOrigin,
  namesIn,
  neutraliseCell,
  newId,
  renameLane,
  restoreCell,
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

  it("reads the table a Polish board exported: its header and preset names in Polish", () => {
    const { doc, journeyId } = newBoardDoc();
    const polish = namesIn("pl");
    const added = importGridRows(
      doc,
      {
        journeyId,
        rows: [
          ["Etap", "Kroki klienta"],
          ["Świadomość", "Widzę reklamę"],
        ],
        namesOf: (r) => [polish.preset("kind" in r ? "lane" : "stage", r.preset ?? String(r.kind))],
        newId,
        authorName: "Ola",
        authorDepartment: "sales",
        createdAt: 1,
      },
      me,
    );
    expect(added).toBe(1);
    expect(texts(doc, journeyId)).toEqual(["awareness/steps/Widzę reklamę"]);
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
    // The app words each refusal in the reader's language from its problem and what it names.
    const refusal = (rows: string[][]) => {
      try {
        attempt(rows);
      } catch (error) {
        return error instanceof GridRefused ? { problem: error.problem, values: error.values } : error;
      }
    };
    expect(refusal([["step", "Steps"]])).toEqual({ problem: "firstColumn", values: {} });
    expect(refusal([["stage", "Feelings"]])).toEqual({ problem: "noLane", values: { name: "Feelings" } });
    expect(
      refusal([
        ["stage", "Steps"],
        ["Launch", "x"],
      ]),
    ).toEqual({ problem: "noStage", values: { row: 2, name: "Launch" } });
    expect(
      refusal([
        ["stage", "Steps"],
        ["Awareness", "x".repeat(LIMITS.cardText + 1)],
      ]),
    ).toEqual({ problem: "tooLong", values: { row: 2, column: "Steps", max: LIMITS.cardText } });
    expect(texts(doc, journeyId)).toEqual([]);
  });

  it("takes back exactly the text an export neutralised, in headers and cells", () => {
    const hostile = ["=1+1", " =1+1", "\u00a0@SUM(1)", "\t-2", "'=quoted", "''+x", "'plain", "", "a=b", "'"];
    for (const text of hostile) expect(restoreCell(neutraliseCell(text)), JSON.stringify(text)).toBe(text);
    expect(hostile.map(neutraliseCell).filter((cell, i) => cell !== hostile[i])).toHaveLength(6);

    const { doc, journeyId, lanes } = newBoardDoc();
    const steps = lanes.find((lane) => lane.kind === "steps")!;
    renameLane(doc, { id: steps.id, title: '=HYPERLINK("http://evil")' }, me);
    importGridRows(
      doc,
      {
        journeyId,
        rows: [
          ["stage", '=HYPERLINK("http://evil")'].map(neutraliseCell),
          ["Awareness", "=1+1"].map(neutraliseCell),
          ["Awareness", "'=quoted"].map(neutraliseCell),
        ],
        namesOf,
        newId,
        authorName: "",
        authorDepartment: "sales",
        createdAt: 1,
      },
      me,
    );
    expect(texts(doc, journeyId)).toEqual(["awareness/steps/=1+1", "awareness/steps/'=quoted"]);
  });
});
