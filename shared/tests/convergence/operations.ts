import {
  addActions,
  moveAction,
  updateAction,
  LANE_KINDS,
  addCard,
  addLane,
  addStage,
  addPersona,
  createTargetJourney,
  deletePersona,
  emptyIndicator,
  linkCards,
  rateStep,
  setCardChannel,
  setCardIndicator,
  setJourneyPersona,
  setStageCollapsed,
  setStageWidth,
  redo,
  undo,
  deleteCards,
  deleteLane,
  deleteStage,
  lanesOf,
  moveCard,
  moveLane,
  moveStage,
  readAll,
  readJourneyGrid,
  stagesOf,
} from "../../src/index";
import type { Random } from "./random";
import type { Typist } from "./typing";

/** Everything else people do to a board: cards, stages, lanes, links, ratings, personas, targets, actions, undo. */
export function boardOperations(rnd: Random, seed: number, journeyId: string): Array<(p: Typist) => void> {
  let counter = 0;
  return [
    (p) => {
      const { stages, lanes } = readJourneyGrid(p.doc, journeyId);
      const stage = rnd.pick(stages);
      const lane = rnd.pick(lanes);
      if (!stage || !lane) return;
      const id = `card-${seed}-${counter++}`;
      addCard(
        p.doc,
        {
          id,
          journeyId,
          stageId: stage.id,
          laneId: lane.id,
          text: id,
          authorName: "",
          authorDepartment: "sales",
          createdAt: 1,
        },
        p.origin,
      );
    },
    (p) => {
      const card = rnd.pick(readAll(p.doc, "cards"));
      const stage = rnd.pick(stagesOf(p.doc, journeyId));
      const lane = rnd.pick(lanesOf(p.doc, journeyId));
      if (card && stage && lane)
        moveCard(p.doc, { id: card.id, stageId: stage.id, laneId: lane.id, index: rnd.int(3) }, p.origin);
    },
    (p) => {
      const card = rnd.pick(readAll(p.doc, "cards"));
      if (card) deleteCards(p.doc, { ids: [card.id] }, p.origin);
    },
    (p) => addStage(p.doc, { id: `stage-${seed}-${counter++}`, journeyId, title: "new", index: rnd.int(6) }, p.origin),
    (p) => {
      const stage = rnd.pick(stagesOf(p.doc, journeyId));
      if (stage) moveStage(p.doc, { id: stage.id, index: rnd.int(6) }, p.origin);
    },
    (p) => {
      const stages = stagesOf(p.doc, journeyId);
      if (stages.length > 2) deleteStage(p.doc, { id: rnd.pick(stages)!.id }, p.origin);
    },
    (p) =>
      addLane(
        p.doc,
        { id: `lane-${seed}-${counter++}`, journeyId, title: "", kind: rnd.pick(LANE_KINDS)!, index: rnd.int(8) },
        p.origin,
      ),
    (p) => {
      const lane = rnd.pick(lanesOf(p.doc, journeyId));
      if (lane) moveLane(p.doc, { id: lane.id, index: rnd.int(8) }, p.origin);
    },
    (p) => {
      const lanes = lanesOf(p.doc, journeyId);
      if (lanes.length > 2) deleteLane(p.doc, { id: rnd.pick(lanes)!.id }, p.origin);
    },
    (p) => {
      const card = rnd.pick(readAll(p.doc, "cards"));
      if (card)
        setCardChannel(p.doc, { id: card.id, channel: rnd.pick(["website", "shop", "Pop-up kiosk", null])! }, p.origin);
    },
    (p) => {
      const card = rnd.pick(readAll(p.doc, "cards"));
      const indicator = { ...emptyIndicator("csat"), value: rnd.int(100), threshold: 50 };
      if (card) setCardIndicator(p.doc, { id: card.id, indicator }, p.origin);
    },
    (p) => {
      const card = rnd.pick(readAll(p.doc, "cards"));
      const value = rnd.pick([-2, -1, 0, 1, 2, null])!;
      if (card)
        rateStep(
          p.doc,
          { cardId: card.id, participantId: `person-${rnd.int(4)}`, department: "sales", value },
          p.origin,
        );
    },
    (p) => {
      const [from, to] = [rnd.pick(readAll(p.doc, "cards")), rnd.pick(readAll(p.doc, "cards"))];
      if (from && to && from.id !== to.id)
        linkCards(p.doc, { kind: "addresses", fromCardId: from.id, toCardId: to.id }, p.origin);
    },
    (p) => addPersona(p.doc, { id: `persona-${seed}-${counter++}`, name: "Lina" }, p.origin),
    (p) => {
      const persona = rnd.pick(readAll(p.doc, "personas"));
      if (persona) setJourneyPersona(p.doc, { id: journeyId, personaId: persona.id }, p.origin);
    },
    (p) => {
      const persona = rnd.pick(readAll(p.doc, "personas"));
      if (persona) deletePersona(p.doc, { id: persona.id }, p.origin);
    },
    (p) => {
      const stage = rnd.pick(stagesOf(p.doc, journeyId));
      if (stage) setStageCollapsed(p.doc, { id: stage.id, collapsed: rnd.next() < 0.5 }, p.origin);
    },
    (p) => {
      const stage = rnd.pick(stagesOf(p.doc, journeyId));
      if (stage) setStageWidth(p.doc, { id: stage.id, width: 160 + rnd.int(400) }, p.origin);
    },
    (p) => {
      if (rnd.next() < 0.2)
        createTargetJourney(p.doc, { sourceId: journeyId, id: `target-${seed}-${counter++}`, title: "" }, p.origin);
    },
    (p) => {
      const card = rnd.pick(readAll(p.doc, "cards"));
      const id = `action-${seed}-${counter++}`;
      addActions(p.doc, { actions: [{ id, title: "act", cardIds: card ? [card.id] : [], createdAt: 1 }] }, p.origin);
    },
    (p) => {
      const action = rnd.pick(readAll(p.doc, "actions"));
      if (action) moveAction(p.doc, { id: action.id, index: rnd.int(4) }, p.origin);
    },
    (p) => {
      const action = rnd.pick(readAll(p.doc, "actions"));
      if (action) updateAction(p.doc, { id: action.id, impact: 1 + rnd.int(5), status: "agreed" }, p.origin);
    },
    (p) => undo(p.undoManager),
    (p) => redo(p.undoManager),
  ];
}
