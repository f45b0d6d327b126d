import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import {
  keyAtEnd,
  localUserOrigin,
  needsRepair,
  readAll,
  recordsOf,
  setStageCollapsed,
  repairAfter,
  writeRecord,
} from "../src/index";
import { cardsIn } from "../src/cardIndex";
import { newBoardDoc } from "./boards";

/** A board with this many cards in its first cell, written directly (adding them one by one re-reads the cell). */
function boardWithCards(count: number) {
  const board = newBoardDoc();
  const [stage, other] = board.stages;
  const place = {
    journeyId: board.journeyId,
    laneId: board.lanes[0]!.id,
    authorName: "",
    authorDepartment: "",
    authorId: null,
    mergedInto: null,
    cluster: null,
  };
  let order = "a0";
  board.doc.transact(() => {
    for (let i = 0; i < count; i++) {
      order = keyAtEnd([{ id: "", order }]);
      const stageId = (i % 2 ? other : stage)!.id;
      writeRecord(board.doc, "cards", {
        id: `c${i}`,
        ...place,
        stageId,
        order,
        text: "",
        createdAt: 1,
        textDirection: "auto",
      });
    }
  });
  return board;
}

/** How many card maps the repair reads after the change `act` makes, as the server runs it. */
function cardsReadAfter(doc: Y.Doc, act: () => void): number {
  let reads = 0;
  const cards = recordsOf(doc, "cards");
  const { get, forEach } = cards;
  cards.get = (key) => (reads++, get.call(cards, key));
  cards.forEach = (visit) => forEach.call(cards, (card, id, map) => (reads++, visit(card, id, map)));
  doc.once("afterTransaction", (transaction: Y.Transaction) => {
    if (needsRepair(doc, transaction)) doc.transact(() => repairAfter(doc, transaction.changed));
  });
  act();
  // Own properties gone, the prototype's methods are back.
  delete (cards as Partial<typeof cards>).get;
  delete (cards as Partial<typeof cards>).forEach;
  return reads;
}

describe("repair costs in proportion to the change", () => {
  it("reads no card when a stage is collapsed, and only the stage's cards when it is deleted", () => {
    const { doc, stages } = boardWithCards(4_000);
    const me = localUserOrigin();
    cardsIn(doc, "stages", stages[0]!.id); // the index builds on first use, once per board
    expect(cardsReadAfter(doc, () => setStageCollapsed(doc, { id: stages[0]!.id, collapsed: true }, me))).toBe(0);

    // A stage deleted by a change that does not repair (a remote one) leaves orphans the server removes.
    const deleteFlag = () => doc.transact(() => recordsOf(doc, "stages").get(stages[1]!.id)!.set("deleted", true), me);
    // Each of that stage's 2,000 cards is read twice (checked, then taken out of the index); the other 2,000 never.
    expect(cardsReadAfter(doc, deleteFlag)).toBeLessThanOrEqual(2 * 2_000 + 1);
    expect(readAll(doc, "cards").filter((card) => card.stageId === stages[1]!.id)).toEqual([]);
    expect(readAll(doc, "cards")).toHaveLength(2_000);
  }, 20_000);
});
