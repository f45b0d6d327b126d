import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  SESSION_OTHERS_CARDS,
  SESSION_PHASE,
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

const KASIA = "a".repeat(64);
const JONAS = "b".repeat(64);

function board() {
  const doc = new Y.Doc();
  initBoard(doc, { title: "t", locale: "en", createdAt: 1 }, serverOrigin("create-board"));
  const journey = { id: "j", title: "", mapType: "currentState", stageSet: "macro", personaId: null } as const;
  addJourney(doc, journey, serverOrigin("create-board"));
  const [stage] = stagesOf(doc, "j");
  const [lane] = lanesOf(doc, "j");
  const cell = { journeyId: "j", stageId: stage!.id, laneId: lane!.id, authorDepartment: "sales", createdAt: 1 };
  addCard(
    doc,
    { ...cell, id: "kasias", text: "Kasia's", authorName: "Kasia", authorId: KASIA },
    serverOrigin("create-board"),
  );
  const workshop = new Y.Doc();
  const session = workshop.getMap(WORKSHOP_SESSION);
  const as = (role: Role, personId: string) => {
    const permissions = new Permissions(role, workshop);
    permissions.knownAs(personId);
    const identity = () => ({ id: personId, name: "", department: "sales" });
    const commands = new BoardCommands(
      doc,
      localUserOrigin(),
      identity,
      permissions.may,
      permissions.lockedFor,
      permissions.mayChangeCard,
      () => permissions.personId,
    );
    return { permissions, commands };
  };
  return { doc, session, as, cell: { stageId: stage!.id, laneId: lane!.id, index: 0 } };
}

describe("whose cards in the app", () => {
  it("drops a participant's change to someone else's card outside open, keeps their own, and follows the facilitator's choice per phase", () => {
    const { doc, session, as, cell } = board();
    const jonas = as("participant", JONAS);
    expect(jonas.commands.setTextDirection("kasias", "rtl")).toBe(true);
    session.set(SESSION_PHASE, "diverge");
    expect(jonas.permissions.mayChangeCard(readRecord(doc, "cards", "kasias")!)).toBe(false);
    expect(jonas.commands.deleteCards(["kasias"])).toBe(false);
    expect(jonas.permissions.onlyCardsOf).toBe(JONAS);
    const own = jonas.commands.addCard("j", cell, "Jonas's");
    expect(readRecord(doc, "cards", own!)?.authorId).toBe(JONAS);
    expect(jonas.commands.setTextDirection(own!, "ltr")).toBe(true);
    expect(as("participant", KASIA).commands.setTextDirection("kasias", "ltr")).toBe(true);
    expect(as("facilitator", JONAS).permissions.onlyCardsOf).toBeNull();

    session.set(SESSION_OTHERS_CARDS, { diverge: true });
    expect(jonas.permissions.onlyCardsOf).toBeNull();
    expect(jonas.commands.deleteCards(["kasias"])).toBe(true);
    expect(readRecord(doc, "cards", "kasias")).toBeUndefined();
  });
});
