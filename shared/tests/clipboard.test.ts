import { describe, expect, it } from "vitest";
import {
  DomainError,
  LIMITS,
  MAX_PASTED_CARDS,
  addCard,
  cardsFromText,
  copyCards,
  createUndoManager,
  emptyIndicator,
  localUserOrigin,
  newId,
  parseClipboard,
  pasteCards,
  readJourneyGrid,
  readRecord,
  roomLeft,
  setCardChannel,
  setCardIndicator,
  setCardTextDirection,
  undo,
} from "../src/index";
import { newBoardDoc } from "./boards";

const me = localUserOrigin();
const author = { authorName: "Ola", authorDepartment: "sales", createdAt: 5, newId };

function boardWithBlock() {
  const board = newBoardDoc();
  const { doc, journeyId, stages, lanes } = board;
  const put = (id: string, stage: number, lane: number, text = id) =>
    addCard(
      doc,
      {
        id,
        journeyId,
        stageId: stages[stage]!.id,
        laneId: lanes[lane]!.id,
        text,
        authorName: "",
        authorDepartment: "digital",
        createdAt: 1,
      },
      me,
    );
  put("a", 1, 1, "Instagram ad");
  put("b", 2, 1, "Shop window");
  put("c", 2, 3, "Hidden fees");
  put("other", 0, 0);
  setCardChannel(doc, { id: "a", channel: "socialMedia" }, me);
  setCardIndicator(doc, { id: "c", indicator: { ...emptyIndicator("nps"), value: 12 } }, me);
  return board;
}

const cellTexts = (doc: ReturnType<typeof newBoardDoc>["doc"], journeyId: string) => {
  const grid = readJourneyGrid(doc, journeyId);
  return grid.stages.flatMap((stage, s) =>
    grid.lanes.flatMap((lane, l) =>
      (grid.cells.get(`${stage.id}\u0000${lane.id}`) ?? []).map((card) => `${s}/${l}/${card.text}`),
    ),
  );
};

function parseOk(text: string) {
  const parsed = parseClipboard(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.cards;
}

describe("copy and paste of cards", () => {
  it("copies cards with their place relative to the first stage and lane, and their content", () => {
    const { doc } = boardWithBlock();
    const copied = copyCards(doc, ["c", "a", "b"])!;
    expect(copied.cards.map((c) => [c.text, c.stageOffset, c.laneOffset])).toEqual([
      ["Instagram ad", 0, 0],
      ["Shop window", 1, 0],
      ["Hidden fees", 1, 2],
    ]);
    expect(copied.cards[0]?.channel).toBe("socialMedia");
    expect(copied.cards[2]?.indicator?.value).toBe(12);
  });

  it("pastes a block as a block at another cell, as new cards by the person pasting, in one undoable step", () => {
    const { doc, journeyId, stages, lanes } = boardWithBlock();
    const copied = copyCards(doc, ["a", "b", "c"])!;
    const undoManager = createUndoManager(doc, me);
    const before = cellTexts(doc, journeyId);
    const ids = pasteCards(
      doc,
      { journeyId, stageId: stages[3]!.id, laneId: lanes[0]!.id, cards: copied, ...author },
      me,
    );
    expect(ids).toHaveLength(3);
    expect(cellTexts(doc, journeyId)).toEqual(
      expect.arrayContaining(["3/0/Instagram ad", "4/0/Shop window", "4/2/Hidden fees"]),
    );
    const pasted = readRecord(doc, "cards", ids[0]!);
    expect(pasted).toMatchObject({ authorName: "Ola", authorDepartment: "sales", channel: "socialMedia" });
    undo(undoManager);
    expect(cellTexts(doc, journeyId)).toEqual(before);
  });

  it("copies a card's text direction when someone set it, and pastes it; an older copy without one pastes as auto", () => {
    const { doc, journeyId, stages, lanes } = boardWithBlock();
    setCardTextDirection(doc, { id: "b", textDirection: "rtl" }, me);
    const copied = copyCards(doc, ["a", "b"])!;
    expect(copied.cards.map((c) => c.textDirection)).toEqual([undefined, "rtl"]);
    const ids = pasteCards(
      doc,
      { journeyId, stageId: stages[3]!.id, laneId: lanes[0]!.id, cards: parseOk(JSON.stringify(copied)), ...author },
      me,
    );
    expect(ids.map((id) => readRecord(doc, "cards", id)?.textDirection)).toEqual(["auto", "rtl"]);
    expect(parseClipboard(JSON.stringify({ ...copied, cards: [{ ...copied.cards[1], textDirection: "up" }] }))).toEqual(
      {
        ok: false,
        error: expect.stringMatching(/^cards\.0\.textDirection: /) as unknown,
      },
    );
  });

  it("keeps a block that does not fit inside the last stage and lane", () => {
    const { doc, journeyId, stages, lanes } = boardWithBlock();
    const copied = copyCards(doc, ["a", "b", "c"])!;
    const lastStage = stages.length - 1;
    const lastLane = lanes.length - 1;
    pasteCards(
      doc,
      { journeyId, stageId: stages[lastStage]!.id, laneId: lanes[lastLane]!.id, cards: copied, ...author },
      me,
    );
    const landed = cellTexts(doc, journeyId).filter((t) => t.startsWith(`${lastStage}/${lastLane}/`));
    expect(landed).toEqual([
      `${lastStage}/${lastLane}/Instagram ad`,
      `${lastStage}/${lastLane}/Shop window`,
      `${lastStage}/${lastLane}/Hidden fees`,
    ]);
  });

  it("pastes into another board through the clipboard text", () => {
    const source = boardWithBlock();
    const target = newBoardDoc();
    const text = JSON.stringify(copyCards(source.doc, ["a", "c"]));
    const parsed = parseClipboard(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    pasteCards(
      target.doc,
      {
        journeyId: target.journeyId,
        stageId: target.stages[0]!.id,
        laneId: target.lanes[0]!.id,
        cards: parsed.cards,
        ...author,
      },
      me,
    );
    expect(cellTexts(target.doc, target.journeyId)).toEqual(["0/0/Instagram ad", "1/2/Hidden fees"]);
  });

  it("names the bad field of a forged or broken clipboard, and a paste of it changes nothing", () => {
    expect(parseClipboard("{not json")).toEqual({ ok: false, error: "not copied cards" });
    const tooLong = {
      format: "journeyboard/cards",
      version: 1,
      cards: [{ text: "x".repeat(LIMITS.cardText + 1), stageOffset: 0, laneOffset: 0 }],
    };
    const result = parseClipboard(JSON.stringify(tooLong));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^cards\.0\.text: /);

    const { doc, journeyId, stages, lanes } = boardWithBlock();
    const before = cellTexts(doc, journeyId);
    expect(() =>
      pasteCards(
        doc,
        {
          journeyId,
          stageId: stages[0]!.id,
          laneId: lanes[0]!.id,
          cards: tooLong as never,
          ...author,
        },
        me,
      ),
    ).toThrow(DomainError);
    expect(cellTexts(doc, journeyId)).toEqual(before);
  });

  it("turns plain text into one card per line, and refuses text it would have to cut", () => {
    const lines = cardsFromText("I compare prices\r\n\n  I ask a friend  \n");
    expect(lines.ok && lines.cards.cards.map((c) => c.text)).toEqual(["I compare prices", "I ask a friend"]);
    expect(cardsFromText("  \n ")).toEqual({ ok: false, error: "nothing to paste" });
    expect(cardsFromText("x".repeat(LIMITS.cardText + 1)).ok).toBe(false);
    expect(cardsFromText("line\n".repeat(MAX_PASTED_CARDS + 1)).ok).toBe(false);
  });

  it("pastes 12,000 lines, more than one message holds, in parts that make one step of undo", () => {
    const { doc, journeyId, stages, lanes } = boardWithBlock();
    const undoManager = createUndoManager(doc, me);
    const before = cellTexts(doc, journeyId);
    const text = Array.from({ length: 12_000 }, (_, i) => `Line ${i} of a long list of things people said`).join("\n");
    const lines = cardsFromText(text);
    expect(lines.ok).toBe(true);
    if (!lines.ok) return;
    const updates: number[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update.length));
    const ids = pasteCards(
      doc,
      { journeyId, stageId: stages[0]!.id, laneId: lanes[0]!.id, cards: lines.cards, ...author },
      me,
    );
    expect(ids).toHaveLength(12_000);
    expect(updates.length).toBeGreaterThan(1);
    expect(Math.max(...updates)).toBeLessThan(1024 * 1024);
    const cell = readJourneyGrid(doc, journeyId).cells.get(`${stages[0]!.id}\u0000${lanes[0]!.id}`)!;
    expect(cell.at(-1)!.text).toBe("Line 11999 of a long list of things people said");
    undo(undoManager);
    expect(cellTexts(doc, journeyId)).toEqual(before);
  });

  it("refuses whole a paste with more cards than the board has room for", () => {
    const { doc, journeyId, stages, lanes } = boardWithBlock();
    const room = roomLeft(doc);
    expect(room).toBeLessThan(LIMITS.boardRecords);
    const lines = cardsFromText("line\n".repeat(room + 1));
    expect(lines.ok).toBe(true);
    if (!lines.ok) return;
    const before = cellTexts(doc, journeyId);
    const paste = () =>
      pasteCards(doc, { journeyId, stageId: stages[0]!.id, laneId: lanes[0]!.id, cards: lines.cards, ...author }, me);
    expect(paste).toThrow(expect.objectContaining({ code: "full" }));
    expect(cellTexts(doc, journeyId)).toEqual(before);
  });
});
