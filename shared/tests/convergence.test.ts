import * as Y from "yjs";
import { describe, expect, it, vi } from "vitest";
import {
  addCard,
  boardScope,
  cardsInCell,
  localUserOrigin,
  mergeCards,
  mergeGroupOf,
  mergedOriginals,
  readAll,
  restoreMergedCard,
  readJourneyGrid,
  settledViolations,
  TEXT_FIELDS,
  textOf,
  type RecordRoot,
} from "../src/index";
import { newBoardDoc } from "./boards";
import { unseenCards } from "./convergence/merging";
import { simulate } from "./convergence/simulate";
import { BROKEN_CHARACTER, isWhole } from "./convergence/texts";

// Operations name some records themselves (a target journey's stages, lanes and cards); in this
// test those ids come from the seed, so that a seed replays exactly.
vi.mock("../src/ids", async () => {
  const { seededIds } = await import("./convergence/ids");
  return { newId: () => seededIds.next() };
});

/** JSON with sorted keys: a Y.Map lists its keys in the order this replica learnt them. */
const canonical = (value: unknown): unknown =>
  value && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, canonical(v)]),
      )
    : value;
const snapshot = (doc: Y.Doc) => JSON.stringify(boardScope(doc).map((type) => canonical(type.toJSON())));

const allTexts = (doc: Y.Doc) =>
  (Object.keys(TEXT_FIELDS) as RecordRoot[]).flatMap((root) =>
    readAll(doc, root).flatMap((record) => TEXT_FIELDS[root].map((field) => String(record[field as never]))),
  );

const STEPS = 400;

/** Every replica identical, no orphan cards, and every character typed by anyone and removed by no one still there. */
function expectConverged(seed: number) {
  const { docs, journeyId, ledger } = simulate(seed, STEPS);
  const [first, ...rest] = docs.map(snapshot);
  for (const other of rest) expect(other).toEqual(first);
  for (const doc of docs) {
    expect(settledViolations(doc)).toEqual([]);
    const grid = readJourneyGrid(doc, journeyId);
    const live = new Set([...grid.stages.map((s) => s.id), ...grid.lanes.map((l) => l.id)]);
    for (const cards of grid.cells.values())
      for (const c of cards) expect(live.has(c.stageId) && live.has(c.laneId)).toBe(true);
    expect(allTexts(doc).filter((text) => BROKEN_CHARACTER.test(text))).toEqual([]);
  }
  const survivors = ledger.survivors();
  for (const doc of docs) expect(survivors.filter((marker) => !isWhole(doc, marker))).toEqual([]);
  return { docs, survivors: survivors.length, markers: ledger.markers.length };
}

describe("convergence of three clients through the server", () => {
  for (let seed = 1; seed <= 25; seed++) {
    it(`seed ${seed}: random edits, typing, undo and redo, delivered in random order, end identical, no orphan cards, no typed character lost`, () => {
      const { survivors, markers } = expectConverged(seed);
      // The typing check checks something: most of what was typed is still there to find.
      expect(markers).toBeGreaterThan(20);
      expect(survivors).toBeGreaterThan(5);
    });
  }

  it("replays: the same seed twice gives byte-identical replicas", () => {
    const encode = () => simulate(7, STEPS).docs.map((doc) => Y.encodeStateAsUpdate(doc));
    const [once, again] = [encode(), encode()];
    expect(again).toEqual(once);
  });
});

describe("several people typing in one card at once", () => {
  for (let seed = 1; seed <= 5; seed++) {
    it(`seed ${seed}: every character anyone typed is in it, words not interleaved stay whole, identical everywhere`, () => {
      const { docs, ledger } = simulate(seed, 300, "oneCard");
      const [first, ...rest] = docs.map(snapshot);
      for (const other of rest) expect(other).toEqual(first);
      // Nobody deletes here, so the card holds exactly the characters typed, whatever their order.
      const typed = [...ledger.markers.map((marker) => marker.text).join("")].sort();
      const card = textOf(docs[0]!, "cards", "0-card", "text")!.toString();
      expect([...card].sort()).toEqual(typed);
      expect(new Set(ledger.survivors().map((marker) => marker.text.charAt(1))).size).toBe(3);
      for (const doc of docs) expect(ledger.survivors().filter((marker) => !isWhole(doc, marker))).toEqual([]);
    });
  }
});

describe("people merging overlapping cards at once", () => {
  it("two people merging the same cards into each other at once both see one card holding all three originals", () => {
    const { doc: base, journeyId, stages, lanes } = newBoardDoc(1);
    const cell = { journeyId, stageId: stages[0]!.id, laneId: lanes[0]!.id, authorName: "", authorDepartment: "it" };
    for (const id of ["a", "b", "c"]) addCard(base, { ...cell, id, text: id, createdAt: 1 }, localUserOrigin());
    const [ola, reza] = [2, 3].map((clientID) => {
      const doc = new Y.Doc();
      doc.clientID = clientID;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
      return doc;
    });
    mergeCards(ola!, { into: "a", ids: ["b", "c"] }, localUserOrigin());
    mergeCards(reza!, { into: "c", ids: ["a", "b"] }, localUserOrigin());
    Y.applyUpdate(ola!, Y.encodeStateAsUpdate(reza!));
    Y.applyUpdate(reza!, Y.encodeStateAsUpdate(ola!));
    for (const doc of [ola!, reza!]) {
      expect(cardsInCell(doc, cell.stageId, cell.laneId).map((card) => card.id)).toEqual(["a"]);
      expect(mergeGroupOf(doc, "a").sort()).toEqual(["a", "b", "c"]);
    }
  });

  for (let seed = 1; seed <= 10; seed++) {
    it(`seed ${seed}: concurrent merges, restores, moves and undo of the same cards end identical, every card shown on its own or in one merged card, each original restorable`, () => {
      const { docs, journeyId } = simulate(seed, STEPS, "merges");
      const [first, ...rest] = docs.map(snapshot);
      for (const other of rest) expect(other).toEqual(first);
      // By cell key: the grid lists cells in the order this replica learnt their cards.
      const cellsShown = (doc: Y.Doc) =>
        [...readJourneyGrid(doc, journeyId).cells.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([key, cards]) => [key, cards.map((card) => card.id)]);
      for (const doc of docs.slice(1)) expect(cellsShown(doc)).toEqual(cellsShown(docs[0]!));
      const board = docs[0]!;
      expect(settledViolations(board)).toEqual([]);
      const grid = readJourneyGrid(board, journeyId);
      const shown = [...grid.cells.values()].flat();
      const originals = shown.flatMap((card) => mergedOriginals(board, card.id));
      // The check checks something: merges overlapped and some are still there at the end.
      expect(originals.length).toBeGreaterThan(0);
      expect(unseenCards(board, journeyId)).toEqual([]);
      for (const original of originals) restoreMergedCard(board, { id: original.id }, localUserOrigin());
      expect([...readJourneyGrid(board, journeyId).cells.values()].flat().length).toBe(shown.length + originals.length);
    });
  }
});

/**
 * Seeds that once failed. Each pins the text its seed ends with, so a change
 * to the generator that stops it replaying the case shows here.
 */
describe("regressions", () => {
  it("seed 9: a stage renamed whole keeps the characters its old title shares with the new one (⁅b), so a colleague's concurrent deletion takes them from the new title; the check once counted that as a loss", () => {
    const { docs } = expectConverged(9);
    expect(textOf(docs[0]!, "stages", "s9-3", "title")?.toString()).toBe("⁅5⁆خطة،");
  });

  it("seed 23: an action retitled whole keeps the old title's first characters (⁅c), and a colleague's concurrent paste lands right after them, inside the new title", () => {
    const { docs } = expectConverged(23);
    expect(textOf(docs[0]!, "actions", "action-23-5", "title")?.toString()).toBe("⁅c⁅b11⁆خلال إلى5⁆است عملاء. شما");
  });
});
