import { createContext, useContext } from "react";
import type { Peer } from "../state/presence";

/** Everyone else on the board and how to name them: what live text fields need to show others' carets. */
export interface PeersOnBoard {
  peers: readonly Peer[];
  nameOf: (peer: Peer) => string;
}

export const PeersContext = createContext<PeersOnBoard>({ peers: [], nameOf: () => "" });

export const usePeersOnBoard = () => useContext(PeersContext);
