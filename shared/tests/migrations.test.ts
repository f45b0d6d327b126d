import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  MIGRATIONS,
  addPersona,
  directionOf,
  localUserOrigin,
  personasInOrder,
  RECORD_ROOTS,
  SCHEMA_VERSION,
  TEXT_FIELDS,
  recordsOf,
  SchemaTooNewError,
  metaMap,
  migrateBoard,
  readAll,
  schemaVersionOf,
  settledViolations,
} from "../src/index";

const fixturesDir = join(import.meta.dirname, "..", "fixtures");

function loadFixture(version: number): Y.Doc {
  const fixture = JSON.parse(readFileSync(join(fixturesDir, `board-v${version}.json`), "utf8")) as { update: string };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(fixture.update, "base64"));
  return doc;
}

describe("board migrations", () => {
  it("keeps a frozen fixture of every schema version before the current one", () => {
    const versions = readdirSync(fixturesDir)
      .map((f) => /^board-v(\d+)\.json$/.exec(f)?.[1])
      .filter((v): v is string => v !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  for (let version = 1; version < SCHEMA_VERSION; version++) {
    it(`migrates a version ${version} board to the current version, running every later migration`, () => {
      const doc = loadFixture(version);
      expect(schemaVersionOf(doc)).toBe(version);
      const applied = migrateBoard(doc);
      expect(applied).toEqual(MIGRATIONS.slice(version - 1).map((m) => m.name));
      expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
      expect(settledViolations(doc)).toEqual([]);
      expect(migrateBoard(doc)).toEqual([]);
    });
  }

  it("gives version 1 boards a left-to-right timeline and keeps their cards and unknown fields", () => {
    const doc = loadFixture(1);
    metaMap(doc).set("addedByAFutureVersion", true);
    migrateBoard(doc);
    expect(metaMap(doc).get("timelineDirection")).toBe("ltr");
    expect(metaMap(doc).get("addedByAFutureVersion")).toBe(true);
    expect(doc.getMap("cards").size).toBe(2);
  });

  it("makes every stage and lane of a version 2 board expanded, at the default width, and no journey a twin", () => {
    const doc = loadFixture(2);
    migrateBoard(doc);
    for (const stage of readAll(doc, "stages")) expect(stage).toMatchObject({ collapsed: false, width: null });
    for (const lane of readAll(doc, "lanes")) expect(lane.collapsed).toBe(false);
    expect(readAll(doc, "journeys").map((j) => j.twinOf)).toEqual([null]);
    expect(readAll(doc, "cards").map((c) => c.text)).toContain("أقارن العروض على الموقع");
  });

  it("turns every text people write together on a version 4 board into collaborative text, word for word", () => {
    const doc = loadFixture(4);
    const before = Object.fromEntries(RECORD_ROOTS.map((root) => [root, readAll(doc, root)]));
    migrateBoard(doc);
    for (const root of RECORD_ROOTS) {
      // Word for word, with what later versions add (a persona's order).
      expect(readAll(doc, root)).toMatchObject(before[root]!);
      recordsOf(doc, root).forEach((record) => {
        for (const field of TEXT_FIELDS[root]) expect(record.get(field), `${root}.${field}`).toBeInstanceOf(Y.Text);
      });
    }
    expect(readAll(doc, "cards").map((c) => c.text)).toContain("می‌توانم سفارشم را پیگیری کنم");
  });

  it("gives the personas of a version 5 board an order that keeps them where they were listed, and puts a new one last", () => {
    const doc = loadFixture(5);
    const listedBefore = readAll(doc, "personas")
      .map((p) => p.id)
      .sort();
    migrateBoard(doc);
    expect(personasInOrder(doc).map((p) => p.id)).toEqual(listedBefore);
    addPersona(doc, { id: "p-aaa", name: "Ola" }, localUserOrigin());
    expect(personasInOrder(doc).map((p) => p.id)).toEqual([...listedBefore, "p-aaa"]);
    expect(settledViolations(doc)).toEqual([]);
  });

  it("lets every card of a version 6 board take its direction from its content, as it did, and keeps its words", () => {
    const doc = loadFixture(6);
    const before = readAll(doc, "cards");
    migrateBoard(doc);
    const after = readAll(doc, "cards");
    expect(after).toEqual(
      before.map((card) => ({ ...card, textDirection: "auto", authorId: null, mergedInto: null, cluster: null })),
    );
    const shown = Object.fromEntries(after.map((card) => [card.id, directionOf(card.text, card.textDirection)]));
    // A Persian sentence that opens with a brand name still reads left to right until someone sets it.
    expect(shown).toMatchObject({
      "c-brand-first": "ltr",
      "c-quote-first": "rtl",
      "c-magic": "rtl",
      "c-irritant": "ltr",
    });
    expect(settledViolations(doc)).toEqual([]);
  });

  it("makes every card of a version 7 board nobody's, as nobody's author was recorded, and keeps its words and direction", () => {
    const doc = loadFixture(7);
    const before = readAll(doc, "cards");
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((card) => !("authorId" in card))).toBe(true);
    migrateBoard(doc);
    expect(readAll(doc, "cards")).toEqual(
      before.map((card) => ({ ...card, authorId: null, mergedInto: null, cluster: null })),
    );
    expect(settledViolations(doc)).toEqual([]);
  });

  it("leaves every card of a version 8 board on its own and in no cluster, as nothing was merged or grouped before, with its words and author", () => {
    const doc = loadFixture(8);
    const before = readAll(doc, "cards");
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((card) => !("mergedInto" in card))).toBe(true);
    migrateBoard(doc);
    expect(readAll(doc, "cards")).toEqual(before.map((card) => ({ ...card, mergedInto: null, cluster: null })));
    expect(settledViolations(doc)).toEqual([]);
  });

  it("refuses a board written by a newer schema instead of touching it", () => {
    const doc = loadFixture(1);
    metaMap(doc).set("schemaVersion", SCHEMA_VERSION + 1);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => migrateBoard(doc)).toThrow(SchemaTooNewError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
