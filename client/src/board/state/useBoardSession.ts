import { useEffect, useState, useSyncExternalStore } from "react";
import type { Role } from "@journeyboard/shared";
import type { Identity } from "../../identity/identity";
import { BoardController } from "../BoardController";
import { BoardModel } from "./BoardModel";
import { connectBoard, type BoardConnection } from "./connection";
import { announce } from "./presence";
import { VotingModel } from "./VotingModel";

export interface BoardSession {
  connection: BoardConnection;
  controller: BoardController;
  voting: VotingModel;
}

/** Holds the current session outside React, so the effect that owns it can publish it. */
class SessionSlot {
  private value: BoardSession | null = null;
  private readonly listeners = new Set<() => void>();
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  get = () => this.value;
  set(value: BoardSession | null) {
    this.value = value;
    this.listeners.forEach((listener) => listener());
  }
}

/** Connects to a board for as long as the component is mounted with these arguments. */
export function useBoardSession(boardId: string, token: string, role: Role, identity: Identity): BoardSession | null {
  const [slot] = useState(() => new SessionSlot());
  useEffect(() => {
    const connection = connectBoard(boardId, token);
    const model = new BoardModel(connection.doc);
    const voting = new VotingModel(connection.provider, connection.workshop.doc, identity, role !== "viewer");
    const controller = new BoardController(
      connection.doc,
      model,
      connection.provider,
      identity,
      role !== "viewer",
      voting,
    );
    announce(connection.provider, identity);
    slot.set({ connection, controller, voting });
    return () => {
      slot.set(null);
      voting.destroy();
      controller.destroy();
      model.destroy();
      connection.destroy();
    };
  }, [slot, boardId, token, role, identity]);
  return useSyncExternalStore(slot.subscribe, slot.get);
}
