import { useEffect, useState } from "react";
import type { HocuspocusProvider } from "@hocuspocus/provider";

export type ConnectionPhase = "connecting" | "online" | "offline";

/** What the status bar shows: whether we are connected, and whether all our edits are stored. */
export interface ConnectionState {
  phase: ConnectionPhase;
  synced: boolean;
  unsaved: number;
  refusal: string | null;
}

function read(provider: HocuspocusProvider, refusal: string | null, everConnected: boolean): ConnectionState {
  const status = provider.configuration.websocketProvider.status;
  const phase: ConnectionPhase =
    status === "connected" && provider.isAuthenticated ? "online" : everConnected ? "offline" : "connecting";
  return { phase, synced: provider.isSynced, unsaved: provider.unsyncedChanges, refusal };
}

export function useConnectionState(provider: HocuspocusProvider): ConnectionState {
  const [state, setState] = useState(() => read(provider, null, false));
  useEffect(() => {
    let refusal: string | null = null;
    let everConnected = false;
    const update = () => {
      if (provider.isAuthenticated) everConnected = true;
      setState(read(provider, refusal, everConnected));
    };
    const refused = ({ reason }: { reason: string }) => {
      refusal = reason;
      update();
    };
    const events = ["status", "synced", "unsyncedChanges", "authenticated", "disconnect", "close"] as const;
    events.forEach((e) => provider.on(e, update));
    provider.on("authenticationFailed", refused);
    update();
    return () => {
      events.forEach((e) => provider.off(e, update));
      provider.off("authenticationFailed", refused);
    };
  }, [provider]);
  return state;
}
