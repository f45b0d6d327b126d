import type * as Y from "yjs";
import { FollowState, SESSION_FOLLOW, ViewArea, WORKSHOP_SESSION, type FollowCommand } from "@journeyboard/shared";
import type { BoardController } from "../BoardController";
import type { Camera } from "../state/camera";
import type { ServerMessages } from "../state/serverMessages";
import { areaOnScreen, cameraShowingArea, sameArea } from "./viewArea";

/** Whom this person's view follows (their presence `user.id`), and why: the facilitator's "follow me", or their own choice. */
export interface Following {
  leader: string;
  by: "workshop" | "choice";
}

export interface FollowSnapshot {
  following: Following | null;
  /** The facilitator's "follow me" as the server holds it; null while nobody asks to be followed. */
  workshop: FollowState | null;
  /** This person is the one the workshop follows. */
  leading: boolean;
}

/** The awareness of the board's connection, as far as following reads it. */
export interface PeerStates {
  readonly clientID: number;
  getStates(): Map<number, Record<string, unknown>>;
  on(event: "change", listener: () => void): void;
  off(event: "change", listener: () => void): void;
}

/** What following needs of the board's controller: the view it shows, and a way to show someone else's. */
export type FollowedView = Pick<
  BoardController,
  "getUi" | "subscribe" | "followView" | "viewportSize" | "journeyId" | "notify"
>;

const COMMAND_PREFIXES = ["follow.", "view."];

/**
 * Following someone's view on this screen: the facilitator's, while the
 * workshop's "follow me" is on (`session.follow`, held by the server, so a
 * reload follows again), or anyone's this person chose in the presence
 * list. Each time the leader's view (their presence `view`) changes, it is
 * fitted to this screen. Moving the view oneself (any camera this model did
 * not set: a pan, a zoom, a fit, the minimap, another journey) breaks away;
 * `followAgain` goes back to the facilitator. "Bring everyone here"
 * (`view.brought`) shows the facilitator's view once and leaves this person
 * free. This person's own `following` is in their presence, so the
 * facilitator sees who follows. A refused command is said in a notice.
 */
export class FollowModel {
  private state: FollowSnapshot = { following: null, workshop: null, leading: false };
  private readonly listeners = new Set<() => void>();
  private readonly session: Y.Map<unknown>;
  /** The camera this model last set: any other is this person moving the view themselves. */
  private placed: Camera | null = null;
  /** The leader's view last shown here, and the size of this canvas it was fitted to. */
  private shown: ViewArea | null = null;
  private shownOn = { width: 0, height: 0 };
  private readonly stops: Array<() => void> = [];

  constructor(
    private readonly view: FollowedView,
    private readonly peers: PeerStates,
    workshop: Y.Doc,
    messages: Pick<ServerMessages, "on">,
    /** This person's presence id (their identity's). */
    readonly me: string,
    private readonly publishFollowing: (leader: string | null) => void,
    private readonly send: (command: FollowCommand) => void,
  ) {
    this.session = workshop.getMap(WORKSHOP_SESSION);
    this.session.observe(this.readWorkshop);
    peers.on("change", this.track);
    this.stops.push(
      () => this.session.unobserve(this.readWorkshop),
      () => peers.off("change", this.track),
      view.subscribe(this.viewChanged),
      messages.on("view.brought", ({ view: area, by }) => this.brought(area, by)),
      // Said wherever the facilitator is: the control that sent it may be closed by now.
      messages.on("refused", ({ command, reason }) => {
        if (COMMAND_PREFIXES.some((prefix) => command?.startsWith(prefix)))
          view.notify({ key: `follow.refused.${reason}` });
      }),
    );
    this.readWorkshop();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = (): FollowSnapshot => this.state;

  /** Follows someone from the presence list. */
  follow(leader: string): void {
    if (leader !== this.me) this.startFollowing({ leader, by: "choice" });
  }

  stopFollowing(): void {
    if (this.state.following) this.startFollowing(null);
  }

  /** Back to following the facilitator who asked everyone to follow. */
  followAgain(): void {
    const { workshop } = this.state;
    if (workshop && workshop.leader !== this.me) this.startFollowing({ leader: workshop.leader, by: "workshop" });
  }

  /** What this person has on screen now, or null before the canvas and a journey are there. */
  ownView(): ViewArea | null {
    const size = this.view.viewportSize();
    const journeyId = this.view.journeyId();
    return size.width > 0 && size.height > 0 && journeyId
      ? areaOnScreen(this.view.getUi().camera, size, journeyId)
      : null;
  }

  /** The facilitator's: everyone else's view goes to this person's, once. */
  bringEveryone(): void {
    const area = this.ownView();
    if (area) this.send({ type: "view.bring", view: area });
  }

  /** The facilitator's: everyone follows this person until they break away, or `stopFollowMe`. */
  startFollowMe(): void {
    this.send({ type: "follow.start" });
  }

  stopFollowMe(): void {
    this.send({ type: "follow.stop" });
  }

  destroy(): void {
    this.stops.forEach((stop) => stop());
    this.listeners.clear();
  }

  private update(patch: Partial<FollowSnapshot>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  private startFollowing(following: Following | null): void {
    this.placed = null;
    this.shown = null;
    if (following?.leader !== this.state.following?.leader) this.publishFollowing(following?.leader ?? null);
    this.update({ following });
    this.track();
  }

  private readWorkshop = () => {
    const parsed = FollowState.safeParse(this.session.get(SESSION_FOLLOW));
    const next = parsed.success ? parsed.data : null;
    const before = this.state.workshop;
    if (next?.leader === before?.leader && next?.since === before?.since) return;
    this.update({ workshop: next, leading: next?.leader === this.me });
    const { following } = this.state;
    // A new "follow me" takes everyone along, those who broke away from the last one too; its leader follows nobody.
    if (next && next.leader !== this.me) this.startFollowing({ leader: next.leader, by: "workshop" });
    else if (next?.leader === this.me || following?.by === "workshop") this.startFollowing(null);
  };

  /** The presence of whom this person follows; for "follow me", only a facilitator's (the server stamps roles). */
  private leaderView(): ViewArea | null {
    const { following } = this.state;
    if (!following) return null;
    let found: ViewArea | null = null;
    let foundClient = -1;
    this.peers.getStates().forEach((state, clientId) => {
      const user = state.user as { id?: unknown; role?: unknown } | undefined;
      if (clientId === this.peers.clientID || user?.id !== following.leader || clientId < foundClient) return;
      if (following.by === "workshop" && user.role !== "facilitator") return;
      const view = ViewArea.safeParse(state.view);
      // The same person in two tabs: the newest connection (the highest client id) leads.
      if (view.success) [found, foundClient] = [view.data, clientId];
    });
    return found;
  }

  /** Shows the leader's view when it changed (presence of anyone changed); someone chosen who has left is followed no more. */
  private track = () => {
    const { following } = this.state;
    if (following?.by === "choice" && this.nameOf(following.leader) === null) return this.startFollowing(null);
    const area = this.leaderView();
    if (area && !sameArea(area, this.shown)) this.place(area);
  };

  private place(area: ViewArea): void {
    const size = this.view.viewportSize();
    if (size.width === 0 || size.height === 0) return;
    const camera = cameraShowingArea(area, size);
    this.placed = camera;
    this.shown = area;
    this.shownOn = size;
    this.view.followView(area.journeyId, camera);
  }

  private viewChanged = () => {
    const { camera } = this.view.getUi();
    if (!this.state.following) return;
    if (camera === this.placed) return this.fitAgainIfResized();
    // Until this model has placed the view (the canvas had no size yet), a camera is not this person's doing.
    if (this.placed === null) return this.track();
    this.startFollowing(null);
  };

  /** This canvas changed size (a window resized, a phone turned): the leader's view is fitted to it again. */
  private fitAgainIfResized(): void {
    const { width, height } = this.view.viewportSize();
    if (this.shown && (width !== this.shownOn.width || height !== this.shownOn.height)) this.place(this.shown);
  }

  private brought(area: ViewArea, by: string | null): void {
    if (by === this.me) return;
    if (this.state.following?.by === "choice") this.startFollowing(null);
    this.place(area);
    const name = by === null ? null : this.nameOf(by);
    this.view.notify(name ? { key: "follow.broughtBy", values: { name } } : { key: "follow.brought" });
  }

  /** The name of someone on the board now ("" when they stay anonymous), or null when they are not here. */
  private nameOf(id: string): string | null {
    for (const [clientId, state] of this.peers.getStates()) {
      const user = state.user as { id?: unknown; name?: unknown } | undefined;
      if (clientId !== this.peers.clientID && user?.id === id) return typeof user.name === "string" ? user.name : "";
    }
    return null;
  }
}
