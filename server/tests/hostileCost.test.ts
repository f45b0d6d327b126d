import { MessageType } from "@hocuspocus/server";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  exportBoard,
  keyAtEnd,
  readAll,
  recordsOf,
  setStageWidth,
  stagesOf,
  type CardRecord,
  type CreateBoardResponse,
} from "@journeyboard/shared";
import { SYNC_STEP_1 } from "../src/gateway/frames";
import { acknowledged, connectSynced } from "./support/client";
import { eventually } from "./support/eventually";
import { putCard } from "./support/cards";
import { board, importFile, stillServing } from "./support/hostile";

const CARDS = 10_000;
const BURST_LATENCY_BOUND_MS = 10_000;

/** A board of 10,000 cards (through the import route: adding them one by one would take the test's time). */
async function fullBoard() {
  const { server, facilitator } = await board();
  const file = exportBoard(facilitator.doc);
  const [card] = file.records.cards as [CardRecord];
  let order = card.order;
  for (let i = 0; i < CARDS; i++) {
    order = keyAtEnd([{ id: "", order }]);
    file.records.cards.push({ ...card, id: `c${i}`, order });
  }
  const response = await importFile(server, file);
  expect(response.status).toBe(201);
  const created = (await response.json()) as CreateBoardResponse;
  const connect = (token: string) => connectSynced(server.url, created.id, token);
  const full = {
    facilitator: await connect(created.links.facilitator.token),
    bystander: await connect(created.links.participant.token),
    attacker: await connect(created.links.participant.token),
  };
  return { server, created, ...full };
}

/** A first sync step asking for the whole board, as a client with nothing sends it. */
function fullSyncFrame(boardId: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, boardId);
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SYNC_STEP_1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(encoder);
}

describe("one person cannot take a workshop down: cost per message", () => {
  it("answers full syncs from the board as stored, and closes a connection that keeps asking", async () => {
    const { server, created, facilitator, bystander, attacker } = await fullBoard();
    for (let i = 0; i < 50; i++) attacker.sendRaw(fullSyncFrame(created.id));
    await eventually(() => expect(attacker.closes).toContainEqual({ code: 4429, reason: "too-many-messages" }));
    await stillServing(server, facilitator, bystander, "probe");
    // A client joining now still gets the whole board.
    const late = await connectSynced(server.url, created.id, created.links.participant.token);
    expect(readAll(late.doc, "cards")).toHaveLength(CARDS + 2);
  }, 45_000);

  it("counts whole boards sent in bytes: a connection asking for more than its budget is closed", async () => {
    const { server, created, facilitator, bystander } = await board({ wholeStateBurstBytes: 64 * 1024 });
    const attacker = await connectSynced(server.url, created.id, created.links.viewer.token);
    // Each answer is some 25 kB: six more pass the count of sync requests (ten at once), not the bytes.
    for (let i = 0; i < 10; i++)
      putCard(facilitator.doc, { id: `bulk-${i}`, text: "x".repeat(2_000) }, facilitator.origin);
    await acknowledged(facilitator);
    for (let i = 0; i < 6; i++) attacker.sendRaw(fullSyncFrame(created.id));
    await eventually(() => expect(attacker.closes).toContainEqual({ code: 4429, reason: "too-many-messages" }));
    await stillServing(server, facilitator, bystander, "probe");
  });

  it("counts the bytes a connection sends: one sending more than its budget is closed", async () => {
    const { server, created, facilitator, bystander } = await board({ bytesBurst: 64 * 1024, bytesPerSecond: 1024 });
    const attacker = await connectSynced(server.url, created.id, created.links.participant.token);
    // Each card is a few kilobytes, well under the message rate: the bytes run out first.
    for (let i = 0; i < 40; i++) putCard(attacker.doc, { id: `heavy-${i}`, text: "y".repeat(2_000) }, attacker.origin);
    await eventually(() => expect(attacker.closes).toContainEqual({ code: 4429, reason: "too-many-messages" }));
    await stillServing(server, facilitator, bystander, "probe");
  });

  it("counts the records a connection's updates touch: past its budget it is closed, and its cards arrive once it is back", async () => {
    const { server, created, facilitator, bystander } = await board({ recordsBurst: 100, recordsPerSecond: 1 });
    const writer = await connectSynced(server.url, created.id, created.links.participant.token);
    const paste = (prefix: string, count: number) =>
      writer.doc.transact(() => {
        for (let i = 0; i < count; i++) putCard(writer.doc, { id: `${prefix}-${i}`, text: `${i}` }, writer.origin);
      }, writer.origin);
    // More than the budget at once goes in when nothing was spent before it; the next change finds it spent.
    paste("first", 150);
    await eventually(() => expect(recordsOf(facilitator.doc, "cards").has("first-149")).toBe(true));
    paste("second", 10);
    await eventually(() => expect(writer.closes).toContainEqual({ code: 4429, reason: "too-many-messages" }));
    await stillServing(server, facilitator, bystander, "probe");
    // Reconnected, the client sends what the server did not take.
    await eventually(() => expect(recordsOf(facilitator.doc, "cards").has("second-9")).toBe(true));
  });

  it("gives a newcomer the whole board from what is stored, changes and deletions since the snapshot included", async () => {
    const { server, created, facilitator } = await board();
    for (let i = 0; i < 5; i++) putCard(facilitator.doc, { id: `c${i}`, text: `card ${i}` }, facilitator.origin);
    facilitator.doc.transact(() => recordsOf(facilitator.doc, "cards").delete("c1"), facilitator.origin);
    await acknowledged(facilitator);
    const newcomer = await connectSynced(server.url, created.id, created.links.viewer.token);
    expect(readAll(newcomer.doc, "cards")).toEqual(readAll(facilitator.doc, "cards"));
    expect(readAll(newcomer.doc, "cards").map((card) => card.id)).not.toContain("c1");
    expect(Y.encodeStateVector(newcomer.doc)).toEqual(Y.encodeStateVector(facilitator.doc));
  });

  it("repairs after a burst of stage changes on a full board without looking at every card each time", async () => {
    const { server, facilitator, bystander, attacker } = await fullBoard();
    const journeyId = readAll(attacker.doc, "journeys")[0]!.id;
    const stageId = stagesOf(attacker.doc, journeyId)[0]!.id;
    // Each sets a field of the stage's record: before the index, each made the server check all 10,000 cards.
    const widths = Array.from({ length: 590 }, (_, i) => 160 + (i % 400));
    for (const width of widths) setStageWidth(attacker.doc, { id: stageId, width }, attacker.origin);
    // The bystander's edit goes in while the server works through the burst.
    // The bystander's edit waits behind the burst it joined (590 updates, each stored before it is acknowledged):
    // a few seconds here, against 30 when each change checked every card.
    await stillServing(server, facilitator, bystander, "probe", BURST_LATENCY_BOUND_MS);
    await acknowledged(attacker);
    await eventually(() => expect(stagesOf(facilitator.doc, journeyId)[0]!.width).toBe(widths.at(-1)));
    expect(readAll(facilitator.doc, "cards")).toHaveLength(CARDS + 2);
  }, 45_000);
});
