import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SESSION_FOLLOW, WORKSHOP_SESSION, type ViewArea } from "@journeyboard/shared";
import type { Notice, UiState } from "../BoardController";
import type { Camera } from "../state/camera";
import type { ServerMessages } from "../state/serverMessages";
import { FollowModel, type FollowedView, type PeerStates } from "./FollowModel";

const ME = 1;

/** The board's presence as the provider holds it: everyone's last state by client id. */
class Presence implements PeerStates {
  readonly clientID = ME;
  private readonly states = new Map<number, Record<string, unknown>>();
  private readonly listeners = new Set<() => void>();
  getStates = () => this.states;
  on = (_event: "change", listener: () => void) => void this.listeners.add(listener);
  off = (_event: "change", listener: () => void) => void this.listeners.delete(listener);
  set(clientId: number, state: Record<string, unknown> | null): void {
    if (state) this.states.set(clientId, state);
    else this.states.delete(clientId);
    this.listeners.forEach((listener) => listener());
  }
}

/** This person's screen: its camera, which this person or the model moves. */
class Screen implements FollowedView {
  private ui = { camera: { x: 0, y: 0, scale: 1 } } as UiState;
  private readonly listeners = new Set<() => void>();
  private journey = "journey";
  readonly notices: Notice[] = [];
  getUi = () => this.ui;
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  followView = (journeyId: string, camera: Camera) => {
    this.journey = journeyId;
    this.show(camera);
  };
  size = { width: 1000, height: 800 };
  viewportSize = () => this.size;
  journeyId = () => this.journey;
  notify = (notice: Notice) => void this.notices.push(notice);
  /** The window is resized: the controller tells its listeners, the camera as it was. */
  resize(width: number, height: number): void {
    this.size = { width, height };
    this.ui = { ...this.ui };
    this.listeners.forEach((listener) => listener());
  }
  /** This person pans by hand. */
  pan(): void {
    this.show({ ...this.ui.camera, x: this.ui.camera.x - 50 });
  }
  get camera(): Camera {
    return this.ui.camera;
  }
  private show(camera: Camera): void {
    this.ui = { ...this.ui, camera };
    this.listeners.forEach((listener) => listener());
  }
}

const area = (x: number): ViewArea => ({ journeyId: "journey", x, y: 0, width: 1000, height: 800 });
const person = (id: string, role: string, view: ViewArea | null) => ({
  user: { id, name: id, department: "sales", colour: "#336699", role },
  view,
});

function setUp() {
  const presence = new Presence();
  const screen = new Screen();
  const workshop = new Y.Doc();
  const listeners = new Map<string, (message: object) => void>();
  const messages = {
    on: (type: string, listener: (message: object) => void) => {
      listeners.set(type, listener);
      return () => listeners.delete(type);
    },
  } as unknown as Pick<ServerMessages, "on">;
  const published: Array<string | null> = [];
  const sent: string[] = [];
  const model = new FollowModel(
    screen,
    presence,
    workshop,
    messages,
    "kasia",
    (leader) => published.push(leader),
    (command) => sent.push(command.type),
  );
  const followMe = (leader: string | null, since = 1) => {
    const session = workshop.getMap(WORKSHOP_SESSION);
    if (leader) session.set(SESSION_FOLLOW, { leader, since });
    else session.delete(SESSION_FOLLOW);
  };
  const bring = (view: ViewArea, by: string) => listeners.get("view.brought")?.({ type: "view.brought", view, by });
  const refuse = (command: string, reason: string) =>
    listeners.get("refused")?.({ type: "refused", command, requestId: null, reason });
  return { presence, screen, model, followMe, bring, refuse, published, sent };
}

describe("following the facilitator", () => {
  it("follows the facilitator's view while follow me is on, breaks away on a pan, and follows again", () => {
    const { presence, screen, model, followMe, published } = setUp();
    presence.set(2, person("amira", "facilitator", area(0)));
    followMe("amira");
    expect(model.getSnapshot().following).toEqual({ leader: "amira", by: "workshop" });
    expect(screen.camera).toEqual({ x: 0, y: 0, scale: 1 });
    presence.set(2, person("amira", "facilitator", area(400)));
    expect(screen.camera.x).toBe(-400);

    screen.pan();
    expect(model.getSnapshot().following).toBeNull();
    presence.set(2, person("amira", "facilitator", area(900)));
    expect(screen.camera.x).toBe(-450);

    model.followAgain();
    expect(screen.camera.x).toBe(-900);
    expect(published).toEqual(["amira", null, "amira"]);
  });

  it("fits the facilitator's view again when this screen changes size, still following", () => {
    const { presence, screen, model, followMe } = setUp();
    presence.set(2, person("amira", "facilitator", area(0)));
    followMe("amira");
    screen.resize(500, 800);
    expect(screen.camera).toEqual({ x: 0, y: 200, scale: 0.5 });
    expect(model.getSnapshot().following).toEqual({ leader: "amira", by: "workshop" });
  });

  it("takes everyone along again at a new follow me, and lets go when it stops", () => {
    const { presence, screen, model, followMe } = setUp();
    presence.set(2, person("amira", "facilitator", area(0)));
    followMe("amira", 1);
    screen.pan();
    followMe("amira", 2);
    expect(model.getSnapshot().following).toEqual({ leader: "amira", by: "workshop" });
    followMe(null);
    expect(model.getSnapshot().following).toBeNull();
    expect(model.getSnapshot().workshop).toBeNull();
  });

  it("follows in follow me only a facilitator's presence: a participant giving the facilitator's id leads nobody", () => {
    const { presence, screen, followMe } = setUp();
    presence.set(3, person("amira", "participant", area(5000)));
    followMe("amira");
    expect(screen.camera.x).toBe(0);
  });

  it("leads, without following anyone, on the facilitator's own screen", () => {
    const { presence, model, followMe } = setUp();
    presence.set(2, person("jonas", "participant", area(100)));
    model.follow("jonas");
    followMe("kasia");
    expect(model.getSnapshot()).toMatchObject({ leading: true, following: null });
  });
});

describe("following a colleague", () => {
  it("follows someone chosen, stops when they leave, and is brought to the facilitator's view once", () => {
    const { presence, screen, model, bring } = setUp();
    presence.set(2, person("amira", "facilitator", area(0)));
    presence.set(4, person("jonas", "participant", area(700)));
    model.follow("jonas");
    expect(screen.camera.x).toBe(-700);
    presence.set(4, null);
    expect(model.getSnapshot().following).toBeNull();

    model.follow("amira");
    presence.set(4, person("jonas", "participant", area(700)));
    model.follow("jonas");
    bring(area(2000), "amira");
    expect(model.getSnapshot().following).toBeNull();
    expect(screen.camera.x).toBe(-2000);
    expect(screen.notices).toEqual([{ key: "follow.broughtBy", values: { name: "amira" } }]);
  });
});

describe("a refused follow command", () => {
  it("says why wherever the facilitator is, and nothing of other commands' refusals", () => {
    const { screen, model, refuse, sent } = setUp();
    model.startFollowMe();
    expect(sent).toEqual(["follow.start"]);
    refuse("follow.start", "no-presence");
    refuse("timer.pause", "timer-not-running");
    expect(screen.notices).toEqual([{ key: "follow.refused.no-presence" }]);
  });
});
