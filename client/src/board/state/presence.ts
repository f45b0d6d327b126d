import { useEffect, useState } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { departmentColour } from "@journeyboard/shared";
import type { Identity } from "../../identity/identity";

/**
 * What each participant shares about themselves through Yjs awareness:
 * who they are, where their pointer is on the board (world coordinates) and
 * which card they are typing in.
 */
export interface PresenceState {
  user: { name: string; department: string; colour: string };
  cursor: { x: number; y: number } | null;
  editing: string | null;
}

export interface Peer extends PresenceState {
  clientId: number;
}

export function announce(provider: HocuspocusProvider, identity: Identity): void {
  const state: PresenceState = {
    user: { name: identity.name, department: identity.department, colour: departmentColour(identity.department) },
    cursor: null,
    editing: null,
  };
  provider.setAwarenessField("user", state.user);
  provider.setAwarenessField("cursor", null);
  provider.setAwarenessField("editing", null);
}

/** Where this person's own presence goes: the provider's awareness. */
export type PresenceSink = Pick<HocuspocusProvider, "setAwarenessField">;

/** Sends the pointer at most once per animation frame. */
export function cursorReporter(provider: PresenceSink): (point: { x: number; y: number } | null) => void {
  let pending: { x: number; y: number } | null | undefined;
  let scheduled = false;
  return (point) => {
    pending = point;
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      provider.setAwarenessField("cursor", pending ? { x: Math.round(pending.x), y: Math.round(pending.y) } : null);
    });
  };
}

const isPresence = (state: Record<string, unknown>): state is Record<string, unknown> & PresenceState =>
  typeof state.user === "object" &&
  state.user !== null &&
  typeof (state.user as { department?: unknown }).department === "string";

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
          list.push({ clientId, user: state.user, cursor: state.cursor ?? null, editing: state.editing ?? null });
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
