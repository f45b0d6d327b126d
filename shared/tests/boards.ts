import * as Y from "yjs";
import { addJourney, initBoard, lanesOf, newId, serverOrigin, stagesOf } from "../src/index";

/**
 * A new board document with one current-state journey over the five-phase
 * stage set; `clientID` fixes its Yjs client id, for a test that replays.
 */
export function newBoardDoc(clientID?: number) {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  initBoard(doc, { title: "Test board", locale: "en", createdAt: 1 }, serverOrigin("create-board"));
  const journeyId = newId();
  addJourney(
    doc,
    { id: journeyId, title: "Current", mapType: "currentState", stageSet: "fivePhases", personaId: null },
    serverOrigin("create-board"),
  );
  return { doc, journeyId, stages: stagesOf(doc, journeyId), lanes: lanesOf(doc, journeyId) };
}
