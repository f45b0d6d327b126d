import { useEffect, useState } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { BoardConnection } from "./connection";

export type ConnectionPhase = "connecting" | "online" | "offline";

/** What the status bar shows: whether we are connected, and whether all our edits are stored. */
export interface ConnectionState {
  phase: ConnectionPhase;
  synced: boolean;
  /** This browser's copy of the board is loaded: it can be shown and edited before the server answers. */
  local: boolean;
  unsaved: number;
  refusal: string | null;
}

function read(
  provider: HocuspocusProvider,
  refusal: string | null,
  everConnected: boolean,
  local: boolean,
): ConnectionState {
  const status = provider.configuration.websocketProvider.status;
  const phase: ConnectionPhase =
    status === "connected" && provider.isAuthenticated ? "online" : everConnected || local ? "offline" : "connecting";
  return { phase, synced: provider.isSynced, local, unsaved: provider.unsyncedChanges, refusal };
}

export function useConnectionState(connection: BoardConnection): ConnectionState {
  const provider = connection.provider;
  const [state, setState] = useState(() => read(provider, null, false, false));
  useEffect(() => {
    let refusal: string | null = null;
    let everConnected = false;
    let local = false;
    let live = true;
    const update = () => {
      if (provider.isAuthenticated) everConnected = true;
      if (live) setState(read(provider, refusal, everConnected, local));
    };
    void connection.local.then((held) => {
      local = held;
      update();
    });
    const refused = ({ reason }: { reason: string }) => {
      refusal = reason;
      update();
    };
    const events = ["status", "synced", "unsyncedChanges", "authenticated", "disconnect", "close"] as const;
    events.forEach((e) => provider.on(e, update));
    provider.on("authenticationFailed", refused);
    update();
    return () => {
      live = false;
      events.forEach((e) => provider.off(e, update));
      provider.off("authenticationFailed", refused);
    };
  }, [connection, provider]);
  return state;
}
