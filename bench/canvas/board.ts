import * as Y from "yjs";
import { generateNKeysBetween } from "fractional-indexing";
import {
  addJourney,
  addStage,
  initBoard,
  lanesOf,
  serverOrigin,
  stagesOf,
  writeRecord,
  type CardRecord,
} from "@journeyboard/shared";

const origin = serverOrigin("create-board");
export const STAGES = 100;

const TEXTS = [
  "I look for a summer dress",
  "Hidden delivery fees",
  "Instagram ad",
  "Free alterations in the shop",
  "Is it my size?",
  "Przesyłka dotarła na czas",
  "أبحث عن فستان صيفي",
];

/**
 * A board of `cards` cards spread evenly over the cells of one journey of
 * `stages` stages (at least the five a journey starts with) and the
 * current-state lanes, written as a participant's browser would receive it.
 */
export function benchBoard(cards: number, stages = STAGES): { doc: Y.Doc; journeyId: string } {
  const doc = new Y.Doc();
  initBoard(doc, { title: "Bench", locale: "en", createdAt: 1 }, origin);
  const journeyId = "journey-bench";
  addJourney(
    doc,
    { id: journeyId, title: "Current", mapType: "currentState", stageSet: "fivePhases", personaId: null },
    origin,
  );
  for (let i = stagesOf(doc, journeyId).length; i < stages; i++)
    addStage(doc, { id: `stage-${i}`, journeyId, title: `Stage ${i + 1}`, index: i }, origin);
  const lanes = lanesOf(doc, journeyId);
  const cells = stagesOf(doc, journeyId).flatMap((stage) => lanes.map((lane) => ({ stage, lane })));
  const perCell = Math.ceil(cards / cells.length);
  const orders = generateNKeysBetween(null, null, perCell + 1);
  // The second stage's first cell holds one card fewer (the last cell one more), so a card moved
  // there from the first stage changes no lane's height: only that card moves on screen.
  const cellOf = (i: number) => (i === lanes.length ? cells.length - 1 : i % cells.length);
  doc.transact(() => {
    for (let i = 0; i < cards; i++) {
      const { stage, lane } = cells[cellOf(i)]!;
      const card: CardRecord = {
        id: `card-${i}`,
        journeyId,
        stageId: stage.id,
        laneId: lane.id,
        order: orders[i === lanes.length ? perCell : Math.floor(i / cells.length)]!,
        text: TEXTS[i % TEXTS.length]!,
        authorName: "",
        authorDepartment: "sales",
        createdAt: 1,
        authorId: null,
        textDirection: "auto",
        mergedInto: null,
        cluster: null,
      };
      writeRecord(doc, "cards", card);
    }
  }, origin);
  return { doc, journeyId };
}
