import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { FILE_PROBLEMS, LIMITS, exportBoard, readAll, recordsOf, type ApiError } from "@journeyboard/shared";
import { putCard } from "./support/cards";
import type { TestClient } from "./support/client";
import { attack, board, importFile, stillServing } from "./support/hostile";

/** A refused file's message, once its answer names a problem the client words and the field the message names. */
const problemOf = async (response: Response) => {
  expect(response.status).toBe(400);
  const body = (await response.json()) as ApiError;
  expect(body.error).toBe("invalid-file");
  expect(FILE_PROBLEMS).toContain(body.problem);
  expect(body.message.startsWith(`${body.field}: `)).toBe(true);
  return body.message;
};

describe("one person cannot take a workshop down: boards bounded in bytes", () => {
  it("refuses record and field keys that would stay in the board as tombstones", async () => {
    const { server, created, facilitator, bystander } = await board();
    const token = created.links.facilitator.token;
    const long = "x".repeat(65);
    const longRecord = (c: TestClient) =>
      c.doc.transact(() => {
        recordsOf(c.doc, "cards").set(long, new Y.Map());
        recordsOf(c.doc, "cards").delete(long);
      }, c.origin);
    expect(await attack(server, created.id, token, longRecord)).toMatchObject({
      reason: "layout",
      detail: "a cards key longer than 64 characters",
    });
    const deletedField = (c: TestClient) =>
      c.doc.transact(() => {
        recordsOf(c.doc, "cards").get("kept")!.set("padding", "y".repeat(1_000));
        recordsOf(c.doc, "cards").get("kept")!.delete("padding");
      }, c.origin);
    expect(await attack(server, created.id, token, deletedField)).toMatchObject({ reason: "layout" });
    // A key of any length in the board's settings is refused too, and named in a bounded line.
    const longMeta = (c: TestClient) =>
      c.doc.transact(() => c.doc.getMap("meta").set("k".repeat(100_000), 1), c.origin);
    const refusal = await attack(server, created.id, token, longMeta);
    expect(refusal).toMatchObject({ reason: "layout" });
    expect(refusal.detail.length).toBeLessThanOrEqual(201);
    await stillServing(server, facilitator, bystander, "probe");
    expect([...recordsOf(facilitator.doc, "cards").get("kept")!.keys()]).not.toContain("padding");
  });

  it("keeps the schema version the server's: no client sets one it cannot load", async () => {
    const { server, created, facilitator, bystander } = await board();
    const bump = (c: TestClient) => c.doc.transact(() => c.doc.getMap("meta").set("schemaVersion", 999), c.origin);
    expect(await attack(server, created.id, created.links.facilitator.token, bump)).toMatchObject({
      reason: "forbidden",
    });
    await stillServing(server, facilitator, bystander, "probe");
    expect(facilitator.doc.getMap("meta").get("schemaVersion")).not.toBe(999);
  });

  it("refuses updates that would take the board past its size in bytes", async () => {
    const { server, created, facilitator, bystander } = await board({ boardBytes: 64 * 1024 });
    const refusals: string[] = [];
    const token = created.links.facilitator.token;
    const filler = (c: TestClient) => {
      for (let i = 0; i < 40; i++) putCard(c.doc, { id: `filler-${i}`, text: "x".repeat(LIMITS.cardText) }, c.origin);
    };
    refusals.push((await attack(server, created.id, token, filler)).reason);
    expect(refusals).toEqual(["board-full"]);
    const stored = server.hocuspocus.documents.get(created.id)!;
    expect(Y.encodeStateAsUpdate(stored).byteLength).toBeLessThanOrEqual(64 * 1024);
    // A full board still takes deletions, and the room they make is there for the next card.
    const fillers = readAll(facilitator.doc, "cards").filter((card) => card.id.startsWith("filler-"));
    expect(fillers.length).toBeGreaterThan(2);
    facilitator.doc.transact(() => {
      for (const card of fillers.slice(0, 2)) recordsOf(facilitator.doc, "cards").delete(card.id);
    }, facilitator.origin);
    await stillServing(server, facilitator, bystander, "probe");
  });

  it("imports only what live updates could build: record count, ids once, bounded unknown fields", async () => {
    const { server, facilitator } = await board();
    const file = exportBoard(facilitator.doc);
    const card = file.records.cards[0]!;
    const journey = file.records.journeys[0]!;

    // Each kind within its own cap, together past the board's.
    const ratings = Array.from({ length: 40_000 }, (_, i) => ({
      id: `${card.id}:p${i}`,
      cardId: card.id,
      participantId: `p${i}`,
      department: "sales",
      value: 1,
    }));
    const personas = Array.from({ length: LIMITS.boardRecords - 40_000 + 1 }, (_, i) => ({
      id: `persona-${i}`,
      name: "",
      description: "",
      goals: "",
      expectations: "",
      order: "a0",
    }));
    const many = { ...file, records: { ...file.records, ratings, personas } };
    expect(await problemOf(await importFile(server, many))).toMatch(/^records: \d+ records, a board holds 60000$/);

    const twice = { ...file, records: { ...file.records, journeys: [journey, { ...journey }] } };
    expect(await problemOf(await importFile(server, twice))).toBe(`records.journeys.1.id: ${journey.id} appears twice`);

    const padded = { ...file, records: { ...file.records, cards: [{ ...card, extra: "y".repeat(5_000) }] } };
    expect(await problemOf(await importFile(server, padded))).toBe(
      "records.cards.0: unknown fields larger than 4096 bytes",
    );

    let nested: unknown = 1;
    for (let i = 0; i < 9; i++) nested = [nested];
    const deep = { ...file, records: { ...file.records, cards: [{ ...card, extra: nested }] } };
    expect(await problemOf(await importFile(server, deep))).toMatch(
      /^records\.cards\.0: extra(\.0)+: nested deeper than 8 levels$/,
    );

    const rating = { id: "gone:p1", cardId: "gone", participantId: "p1", department: "sales", value: 1 };
    const stray = { ...file, records: { ...file.records, ratings: [rating] } };
    expect(await problemOf(await importFile(server, stray))).toBe(
      "records: ratings/gone:p1: its card is not on the board",
    );
    const link = { id: `addresses:${card.id}:gone`, kind: "addresses", fromCardId: card.id, toCardId: "gone" };
    const loose = { ...file, records: { ...file.records, links: [link] } };
    expect(await problemOf(await importFile(server, loose))).toMatch(
      /^records: links\/.*: its toCardId is not on the board$/,
    );

    const future = { ...file, meta: { ...file.meta, schemaVersion: 999 } };
    expect(await problemOf(await importFile(server, future))).toMatch(/^meta\.schemaVersion: /);

    // Within the bounds, unknown fields are kept as they are.
    const kept = { ...file, records: { ...file.records, cards: [{ ...card, extra: { note: "from another tool" } }] } };
    expect((await importFile(server, kept)).status).toBe(201);
    expect(readAll(facilitator.doc, "journeys")).toHaveLength(1);
  });
});
