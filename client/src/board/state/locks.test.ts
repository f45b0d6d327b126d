import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  SESSION_LOCKS,
  WORKSHOP_SESSION,
  addCard,
  addJourney,
  initBoard,
  lanesOf,
  localUserOrigin,
  readRecord,
  serverOrigin,
  stagesOf,
  type Role,
} from "@journeyboard/shared";
import { BoardCommands } from "../BoardCommands";
import { Permissions } from "./permissions";

const identity = () => ({ id: "me", name: "Ola", department: "sales" });

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: "t", locale: "en", createdAt: 1 }, serverOrigin("create-board"));
  const journey = { id: "j", title: "", mapType: "currentState", stageSet: "macro", personaId: null } as const;
  addJourney(doc, journey, serverOrigin("create-board"));
  const [first, second] = stagesOf(doc, "j");
  const [lane] = lanesOf(doc, "j");
  const card = { journeyId: "j", laneId: lane!.id, authorName: "", authorDepartment: "sales", createdAt: 1 };
  addCard(doc, { ...card, id: "a", stageId: first!.id, text: "a" }, serverOrigin("create-board"));
  addCard(doc, { ...card, id: "b", stageId: second!.id, text: "b" }, serverOrigin("create-board"));
  const workshop = new Y.Doc();
  /** The server publishes the locks after the app has read the session: the app follows. */
  const lock = (...keys: string[]) => workshop.getMap(WORKSHOP_SESSION).set(SESSION_LOCKS, keys);
  const commands = (role: Role) => {
    const permissions = new Permissions(role, workshop);
    return new BoardCommands(doc, localUserOrigin(), identity, permissions.may, permissions.lockedFor);
  };
  return { doc, commands, lock, stages: [first!.id, second!.id], laneId: lane!.id };
}

describe("locks in the app", () => {
  it("drops a participant's change to a locked card, or a card moved into a locked stage, and takes the facilitator's", () => {
    const { doc, commands, lock, stages, laneId } = board();
    const participant = commands("participant");
    lock("card/a");
    expect(participant.deleteCards(["a"])).toBe(false);
    expect(participant.setChannel("a", "email")).toBe(false);
    expect(participant.move("a", stages[1]!, laneId, 0)).toBe(false);
    expect(readRecord(doc, "cards", "a")?.stageId).toBe(stages[0]);
    expect(participant.move("b", stages[0]!, laneId, 0)).toBe(true);
    expect(commands("facilitator").deleteCards(["a"])).toBe(true);
    expect(readRecord(doc, "cards", "a")).toBeUndefined();
  });

  it("holds every card of a locked stage or journey, and what is added to it", () => {
    const { commands, lock, stages, laneId } = board();
    const participant = commands("participant");
    lock(`stage/${stages[1]}`);
    expect(participant.deleteCards(["b"])).toBe(false);
    expect(participant.addCard("j", { stageId: stages[1]!, laneId, index: 0 }, "new")).toBeNull();
    expect(participant.renameStage(stages[1]!, "Renamed")).toBe(false);
    expect(participant.addCard("j", { stageId: stages[0]!, laneId, index: 0 }, "new")).not.toBeNull();
    lock("journey/j");
    expect(participant.renameJourney("j", "Renamed")).toBe(false);
    expect(participant.addStage("j", 0, "New stage")).toBe(false);
    expect(participant.deleteCards(["a"])).toBe(false);
    lock();
    expect(participant.deleteCards(["b"])).toBe(true);
  });

  it("locks every journey not locked yet, and lifts every lock, one command each", () => {
    const workshop = new Y.Doc();
    const sent: unknown[] = [];
    const permissions = new Permissions("facilitator", workshop, (command) => sent.push(command));
    workshop.getMap(WORKSHOP_SESSION).set(SESSION_LOCKS, ["card/x", "journey/a"]);
    permissions.lockJourneys(["a", "b"]);
    expect(sent).toEqual([{ type: "lock.set", kind: "journey", id: "b", locked: true }]);
    sent.length = 0;
    permissions.unlockAll();
    expect(sent).toEqual([
      { type: "lock.set", kind: "card", id: "x", locked: false },
      { type: "lock.set", kind: "journey", id: "a", locked: false },
    ]);
  });
});
