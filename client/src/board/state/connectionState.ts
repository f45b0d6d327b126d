import { useEffect, useState } from "react";
import type { BoardConnection } from "./connection";

export type ConnectionPhase = "connecting" | "online" | "offline";

/** What the status bar shows: whether we are connected, and whether all our edits are stored. */
export interface ConnectionState {
  phase: ConnectionPhase;
  synced: boolean;
  /** This browser's copy of the board is loaded: it can be shown and edited before the server answers. */
  local: boolean;
  /** Updates sent that the server has not acknowledged yet. */
  unsaved: number;
  /** Things changed in this browser that the server has not confirmed (`UnsentChanges`), kept across reloads. */
  unsent: number;
  refusal: string | null;
}

function read(
  connection: BoardConnection,
  refusal: string | null,
  everConnected: boolean,
  local: boolean,
): ConnectionState {
  const provider = connection.provider;
  const status = provider.configuration.websocketProvider.status;
  const connected = navigator.onLine && status === "connected" && provider.isAuthenticated && !connection.liveness.lost;
  const phase: ConnectionPhase = connected ? "online" : everConnected || local ? "offline" : "connecting";
  return {
    phase,
    synced: provider.isSynced,
    local,
    unsaved: provider.unsyncedChanges,
    unsent: connection.unsent.count,
    refusal,
  };
}

export function useConnectionState(connection: BoardConnection): ConnectionState {
  const provider = connection.provider;
  const [state, setState] = useState(() => read(connection, null, false, false));
  useEffect(() => {
    let refusal: string | null = null;
    let everConnected = false;
    let local = false;
    let live = true;
    const update = () => {
      if (provider.isAuthenticated) everConnected = true;
      if (live) setState(read(connection, refusal, everConnected, local));
    };
    // The server acknowledged all that was sent: nothing this browser changed waits any more. Asked only when
    // the server answers, never on a local change itself, which is counted before the provider sends it.
    const settle = () => {
      const { phase, synced, unsaved } = read(connection, refusal, everConnected, local);
      if (phase === "online" && synced && unsaved === 0) connection.unsent.clear();
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
    provider.on("synced", settle);
    provider.on("unsyncedChanges", settle);
    events.forEach((e) => provider.on(e, update));
    provider.on("authenticationFailed", refused);
    const stopUnsent = connection.unsent.subscribe(update);
    const stopLiveness = connection.liveness.subscribe(update);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    update();
    return () => {
      live = false;
      provider.off("synced", settle);
      provider.off("unsyncedChanges", settle);
      events.forEach((e) => provider.off(e, update));
      provider.off("authenticationFailed", refused);
      stopUnsent();
      stopLiveness();
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, [connection, provider]);
  return state;
}
