import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  SCHEMA_VERSION,
  createUndoManager,
  exportBoard,
  importBoard,
  localUserOrigin,
  parseBoardFile,
  personasInOrder,
  readAll,
  recordsOf,
  restoreBoard,
  undo,
} from "../src/index";
import { newBoardDoc } from "./boards";

const filesDir = join(import.meta.dirname, "..", "fixtures", "files");
const fileOf = (version: number): unknown =>
  JSON.parse(readFileSync(join(filesDir, `board-v${version}.json`), "utf8")) as unknown;
const textsIn = (file: unknown) =>
  ((file as { records: { cards?: Array<{ text: string }> } }).records.cards ?? []).map((c) => c.text).sort();

describe("board files of earlier schema versions", () => {
  it("keeps a frozen board.json of every schema version before the current one", () => {
    const versions = readdirSync(filesDir)
      .map((f) => Number(/^board-v(\d+)\.json$/.exec(f)?.[1]))
      .sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  for (let version = 1; version < SCHEMA_VERSION; version++) {
    it(`imports a version ${version} file as a current board with every card's words`, () => {
      const parsed = parseBoardFile(fileOf(version));
      if (!parsed.ok) throw new Error(parsed.error);
      expect(parsed.board.schemaVersion).toBe(SCHEMA_VERSION);
      const doc = importBoard(parsed.board);
      expect(
        readAll(doc, "cards")
          .map((c) => c.text)
          .sort(),
      ).toEqual(textsIn(fileOf(version)));
      recordsOf(doc, "cards").forEach((card) => expect(card.get("text")).toBeInstanceOf(Y.Text));
    });

    it(`restores a version ${version} snapshot as one change its author can undo`, () => {
      const { doc } = newBoardDoc();
      const parsed = parseBoardFile(fileOf(version));
      if (!parsed.ok) throw new Error(parsed.error);
      const before = JSON.stringify(exportBoard(doc));
      const me = localUserOrigin();
      const manager = createUndoManager(doc, me);
      restoreBoard(doc, parsed.board, me);
      expect(
        readAll(doc, "cards")
          .map((c) => c.text)
          .sort(),
      ).toEqual(textsIn(fileOf(version)));
      undo(manager);
      expect(JSON.stringify(exportBoard(doc))).toBe(before);
    });
  }

  it("lists the personas of a version 5 file where version 5 listed them, by id, and a new one after them", () => {
    const parsed = parseBoardFile(fileOf(5));
    if (!parsed.ok) throw new Error(parsed.error);
    const ids = parsed.board.records.personas.map((p) => p.id);
    expect(ids).toEqual(["p-amal", "p-bahar", "p-kasia"]);
    expect(personasInOrder(importBoard(parsed.board)).map((p) => p.id)).toEqual(ids);
  });

  it("gives every card of a version 6 file the direction it showed, from its content", () => {
    const parsed = parseBoardFile(fileOf(6));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.board.records.cards.map((c) => c.textDirection)).toEqual(
      parsed.board.records.cards.map(() => "auto"),
    );
    expect(readAll(importBoard(parsed.board), "cards").every((c) => c.textDirection === "auto")).toBe(true);
  });

  it("keeps the workshop part of an older file as it is, and checks it", () => {
    const workshop = { phase: "plan", rounds: [] };
    const parsed = parseBoardFile({ ...(fileOf(SCHEMA_VERSION - 1) as object), workshop });
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.board.workshop).toEqual(workshop);
    const bad = parseBoardFile({
      ...(fileOf(SCHEMA_VERSION - 1) as object),
      workshop: { ...workshop, phase: "party" },
    });
    expect(bad).toMatchObject({ ok: false, problem: "invalid", field: "workshop.phase" });
    expect(bad).toMatchObject({ error: expect.stringMatching(/^workshop\.phase: /) as unknown });
  });

  it("refuses a file of a schema version newer than this one, naming the field", () => {
    const file = { ...(fileOf(SCHEMA_VERSION - 1) as object), schemaVersion: SCHEMA_VERSION + 1 };
    expect(parseBoardFile(file)).toMatchObject({ ok: false, problem: "invalid", field: "schemaVersion" });
  });
});
