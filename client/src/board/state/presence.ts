import { useEffect, useState } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import {
  cursorIntervalMs,
  departmentColour,
  shownName,
  type Role,
  type TextCaret,
  type ViewArea,
} from "@journeyboard/shared";
import type { Identity } from "../../identity/identity";
import { pacedReporter } from "./pacedReporter";

/**
 * What each participant shares about themselves through Yjs awareness:
 * who they are (`id`, their identity's, the same after a reload), where
 * their pointer is on the board (world coordinates), which card they are
 * typing in, their caret in the text field they type in, how many private
 * drafts they hold, what they have on screen and whom they follow (`follow/`). The server adds `role`.
 */
export interface PresenceState {
  /** `role` and `personId` are the server's stamp (shared `PresenceState`), never this browser's claim. */
  user: { id: string; name: string; department: string; colour: string; role?: Role; personId?: string };
  cursor: { x: number; y: number } | null;
  editing: string | null;
  caret: TextCaret | null;
  view: ViewArea | null;
  following: string | null;
  /** How many private drafts they hold (a number only: their drafts never leave their device). */
  drafts?: number;
}

export interface Peer extends Omit<PresenceState, "user"> {
  clientId: number;
  /** `id` is missing from an app older than following; `role` is the server's stamp. */
  user: Omit<PresenceState["user"], "id"> & { id?: string; role?: Role };
}

export function announce(provider: HocuspocusProvider, identity: Identity): void {
  const user: PresenceState["user"] = {
    id: identity.id,
    name: identity.name,
    department: identity.department,
    colour: departmentColour(identity.department),
  };
  provider.setAwarenessField("user", user);
  provider.setAwarenessField("cursor", null);
  provider.setAwarenessField("editing", null);
  provider.setAwarenessField("caret", null);
}

/** Where this person's own presence goes: the provider's awareness, which also holds everyone's (a benchmark has none). */
export type PresenceSink = Pick<HocuspocusProvider, "setAwarenessField"> &
  Partial<Pick<HocuspocusProvider, "awareness">>;

/** Sends a presence field at most once per animation frame, its latest value. */
function frameReporter<T>(send: (value: T) => void): (value: T) => void {
  let pending: T;
  let scheduled = false;
  return (value) => {
    pending = value;
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      send(pending);
    });
  };
}

/**
 * Sends this person's pointer at most once per `cursorIntervalMs` of the
 * people on the board (20 a second among few, 4 among hundreds), its
 * latest position: the server relays every pointer to many people.
 */
export const cursorReporter = (provider: PresenceSink) =>
  pacedReporter<{ x: number; y: number } | null>(
    (point) => provider.setAwarenessField("cursor", point ? { x: Math.round(point.x), y: Math.round(point.y) } : null),
    () => cursorIntervalMs(provider.awareness?.getStates().size ?? 1),
  );

export const caretReporter = (provider: PresenceSink) =>
  frameReporter<TextCaret | null>((caret) => provider.setAwarenessField("caret", caret));

const isPresence = (state: Record<string, unknown>): state is Record<string, unknown> & PresenceState =>
  typeof state.user === "object" &&
  state.user !== null &&
  typeof (state.user as { department?: unknown }).department === "string";

/**
 * The people as shown on a board: without a name while it is anonymous. The
 * server already drops names from presence then; this also covers presence
 * received before the switch reached this browser.
 */
export const peersShown = (peers: readonly Peer[], anonymous: boolean): Peer[] =>
  anonymous
    ? peers.map((peer) => ({ ...peer, user: { ...peer.user, name: shownName(peer.user.name, true) } }))
    : [...peers];

/** Everyone else on the board right now. */
export function usePeers(provider: HocuspocusProvider): Peer[] {
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const update = () => {
      const list: Peer[] = [];
      awareness.getStates().forEach((state, clientId) => {
        if (clientId !== awareness.clientID && isPresence(state)) {
          list.push({
            clientId,
            user: state.user,
            cursor: state.cursor ?? null,
            editing: state.editing ?? null,
            caret: state.caret ?? null,
            view: state.view ?? null,
            following: state.following ?? null,
            drafts: typeof state.drafts === "number" ? state.drafts : 0,
          });
        }
      });
      setPeers(list);
    };
    awareness.on("change", update);
    update();
    return () => awareness.off("change", update);
  }, [provider]);
  return peers;
}
