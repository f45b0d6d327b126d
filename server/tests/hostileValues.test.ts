import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  PARTICIPANT_DELETES,
  addActions,
  addPersona,
  deleteCards,
  deleteJourney,
  deleteStage,
  exportBoard,
  readAll,
  recordsOf,
  restoreBoard,
  setCardTextDirection,
  stagesOf,
} from "@journeyboard/shared";
import { putCard } from "./support/cards";
import type { TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { attack, board, importFile, setField, stillServing } from "./support/hostile";

describe("one person cannot take a workshop down: values and permissions", () => {
  it("refuses values the app cannot use and changes that are the facilitator's, from a participant", async () => {
    const { server, created, facilitator, bystander } = await board();
    const token = created.links.participant.token;
    const hits = async (act: (client: TestClient) => void) => attack(server, created.id, token, act);

    // An order key fractional-indexing refuses would make "Add card" throw in every browser.
    expect(await hits((c) => setField(c, "cards", "kept", "order", "~"))).toMatchObject({ reason: "invalid" });
    // Dots are counted by the server; the plan's order is the facilitator's, also for a new action.
    expect(await hits((c) => setField(c, "actions", "first", "dots", 99_999))).toMatchObject({ reason: "forbidden" });
    const before = (c: TestClient) =>
      c.doc.transact(() => {
        addActions(c.doc, { actions: [{ id: "pushy", createdAt: 1 }] }, c.origin);
        setField(c, "actions", "pushy", "order", "Zz");
      }, c.origin);
    expect(await hits(before)).toMatchObject({ reason: "forbidden" });
    // Deleting a journey, a stage with its cards, or restoring a snapshot wipes others' work.
    const journeyId = readAll(bystander.doc, "journeys")[0]!.id;
    expect(await hits((c) => deleteJourney(c.doc, { id: journeyId }, c.origin))).toMatchObject({ reason: "forbidden" });
    const stageId = stagesOf(bystander.doc, journeyId)[0]!.id;
    expect(await hits((c) => deleteStage(c.doc, { id: stageId }, c.origin))).toMatchObject({ reason: "forbidden" });
    const empty = exportBoard(new Y.Doc());
    expect(
      await hits((c) => restoreBoard(c.doc, { ...empty, meta: { ...exportBoard(c.doc).meta } }, c.origin)),
    ).toMatchObject({ reason: "forbidden" });

    // What the app offers a participant still works: an action added at the end of the plan, without dots.
    addActions(bystander.doc, { actions: [{ id: "last", createdAt: 2 }] }, bystander.origin);
    await eventually(() => expect(recordsOf(facilitator.doc, "actions").has("last")).toBe(true));
    await stillServing(server, facilitator, bystander, "probe");
    expect(recordsOf(facilitator.doc, "actions").get("first")!.get("dots")).toBe(0);
    expect(stagesOf(facilitator.doc, journeyId)[0]!.id).toBe(stageId);
  });

  it("leaves deleting more than a handful of cards at once to the facilitator", async () => {
    const { server, created, facilitator, bystander } = await board();
    const ids = Array.from({ length: PARTICIPANT_DELETES + 1 }, (_, i) => `many-${i}`);
    facilitator.doc.transact(() => {
      for (const id of ids) putCard(facilitator.doc, { id, text: id }, facilitator.origin);
    }, facilitator.origin);
    await eventually(() => expect(recordsOf(bystander.doc, "cards").has(ids.at(-1)!)).toBe(true));

    const token = created.links.participant.token;
    const refusal = await attack(server, created.id, token, (c) => deleteCards(c.doc, { ids }, c.origin));
    expect(refusal).toMatchObject({ reason: "forbidden" });
    expect(recordsOf(facilitator.doc, "cards").size).toBe(ids.length + 1);

    deleteCards(bystander.doc, { ids: ids.slice(1) }, bystander.origin);
    await eventually(() => expect(recordsOf(facilitator.doc, "cards").size).toBe(2));
    await stillServing(server, facilitator, bystander, "after-the-deletes");
  });

  it("refuses a persona with an order key the app cannot use", async () => {
    const { server, created, facilitator, bystander } = await board();
    const badOrder = (c: TestClient) =>
      c.doc.transact(() => {
        addPersona(c.doc, { id: "pushy", name: "Ola" }, c.origin);
        recordsOf(c.doc, "personas").get("pushy")!.set("order", "~");
      }, c.origin);
    const token = created.links.participant.token;
    expect(await attack(server, created.id, token, badOrder)).toMatchObject({ reason: "invalid" });

    addPersona(bystander.doc, { id: "kept", name: "Amal" }, bystander.origin);
    await eventually(() => expect(readAll(facilitator.doc, "personas").map((p) => p.id)).toEqual(["kept"]));
  });

  it("refuses an imported board with an order key the app cannot use", async () => {
    const { server, facilitator } = await board();
    const file = exportBoard(facilitator.doc);
    file.records.cards = file.records.cards.map((card) => ({ ...card, order: "~" }));
    const response = await importFile(server, file);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid-file", message: expect.stringContaining("order") });
  });

  it("refuses a card text direction other than auto, rtl or ltr, from anyone, and passes the ones the app sets", async () => {
    const { server, created, facilitator, bystander } = await board();
    for (const token of [created.links.participant.token, created.links.facilitator.token]) {
      for (const value of ["vertical", "RTL", null, 1]) {
        const refusal = await attack(server, created.id, token, (c) =>
          setField(c, "cards", "kept", "textDirection", value),
        );
        expect(refusal).toMatchObject({
          reason: "invalid",
          detail: expect.stringContaining("cards.kept.textDirection"),
        });
      }
    }
    expect(recordsOf(facilitator.doc, "cards").get("kept")!.get("textDirection")).toBe("auto");

    setCardTextDirection(bystander.doc, { id: "kept", textDirection: "rtl" }, bystander.origin);
    await eventually(() => expect(recordsOf(facilitator.doc, "cards").get("kept")!.get("textDirection")).toBe("rtl"));
    await stillServing(server, facilitator, bystander, "after-the-directions");
  });

  it("refuses an imported board with a card text direction the app does not know, naming the field", async () => {
    const { server, facilitator } = await board();
    const file = exportBoard(facilitator.doc) as unknown as { records: { cards: Array<Record<string, unknown>> } };
    file.records.cards[0]!.textDirection = "sideways";
    const response = await importFile(server, file);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: "invalid-file",
      problem: "invalid",
      field: "records.cards.0.textDirection",
    });
  });
});
