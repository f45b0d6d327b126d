import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SESSION_ANONYMOUS, WORKSHOP_SESSION } from "@journeyboard/shared";
import { Permissions } from "./permissions";
import { peersShown, type Peer } from "./presence";

const peer = (name: string, department: string): Peer => ({
  clientId: 7,
  user: { id: "p", name, department, colour: "#000" },
  cursor: { x: 1, y: 2 },
  editing: null,
  caret: null,
  view: null,
  following: null,
});

describe("an anonymous board on the client", () => {
  it("follows the workshop session's entry and tells its listeners", () => {
    const workshop = new Y.Doc();
    const permissions = new Permissions("participant", workshop);
    let told = 0;
    permissions.subscribe(() => (told += 1));
    expect(permissions.anonymous).toBe(false);
    workshop.getMap(WORKSHOP_SESSION).set(SESSION_ANONYMOUS, true);
    expect(permissions.anonymous).toBe(true);
    expect(told).toBe(1);
    workshop.getMap(WORKSHOP_SESSION).set(SESSION_ANONYMOUS, "yes");
    expect(permissions.anonymous).toBe(false);
  });

  it("offers the switch to those who run the workshop, who send the command", () => {
    const sent: unknown[] = [];
    const facilitator = new Permissions("facilitator", new Y.Doc(), (command) => sent.push(command));
    expect(facilitator.mayCommand("board.anonymous")).toBe(true);
    expect(new Permissions("participant", new Y.Doc()).mayCommand("board.anonymous")).toBe(false);
    facilitator.setAnonymous(true);
    expect(sent).toEqual([{ type: "board.anonymous", anonymous: true }]);
  });

  it("shows people without their name while it is anonymous, and keeps the rest", () => {
    const people = [peer("Zofia", "sales"), peer("Omar", "support")];
    const shown = peersShown(people, true);
    expect(shown.map((p) => [p.user.name, p.user.department])).toEqual([
      ["", "sales"],
      ["", "support"],
    ]);
    expect(shown[0]?.cursor).toEqual({ x: 1, y: 2 });
    expect(people[0]?.user.name).toBe("Zofia");
    expect(peersShown(people, false).map((p) => p.user.name)).toEqual(["Zofia", "Omar"]);
  });
});
