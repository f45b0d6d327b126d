import { describe, expect, it } from "vitest";
import {
  exportBoard,
  keyAtEnd,
  readAll,
  setStageWidth,
  stagesOf,
  type CardRecord,
  type CreateBoardResponse,
} from "@journeyboard/shared";
import { acknowledged, connectSynced } from "./support/client";
import { eventually } from "./support/eventually";
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
  return { server, ...full };
}

describe("one person cannot take a workshop down: cost per message", () => {
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
