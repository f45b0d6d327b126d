import { useEffect, useState, useSyncExternalStore } from "react";
import { CLOSE_REASONS, isCloseReason, type Role, type UpdateRefusal } from "@journeyboard/shared";
import type { Identity } from "../../identity/identity";
import { BoardController, type Notice } from "../BoardController";
import { FollowModel } from "../follow/FollowModel";
import { Presenter } from "../follow/Presenter";
import { shareView } from "../follow/shareView";
import { DraftDesk } from "../drafts/DraftDesk";
import { BoardModel } from "./BoardModel";
import { connectBoard, type BoardConnection } from "./connection";
import { announce } from "./presence";
import { VotingModel } from "./VotingModel";
import { Permissions } from "./permissions";
import { ServerMessages } from "./serverMessages";
import { TimerModel } from "./TimerModel";

export interface BoardSession {
  connection: BoardConnection;
  controller: BoardController;
  voting: VotingModel;
  timer: TimerModel;
  follow: FollowModel;
  presenter: Presenter;
  drafts: DraftDesk;
  /** The facilitator made a new link for this role or turned it off: this token opens the board no more. */
  revoked: boolean;
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

/**
 * Connects to a board for as long as the component is mounted with these
 * arguments. When the server refuses a change (the phase changed under it,
 * say), this copy holds something the board does not: it is dropped and the
 * board opened again from the server, with a notice saying why. When the
 * facilitator rotates or revokes this role's link, the server closes the
 * connection and the session ends, saying so.
 */
export function useBoardSession(
  boardId: string,
  token: string,
  role: Role,
  identity: Identity,
  /** False for the projector, a screen rather than a person: it tells nobody it is there. */
  announced: boolean,
): BoardSession | null {
  const [slot] = useState(() => new SessionSlot());
  const [resync, setResync] = useState<{ count: number; reason: UpdateRefusal | null }>({ count: 0, reason: null });
  useEffect(() => {
    const connection = connectBoard(boardId, token);
    const messages = new ServerMessages(connection.provider);
    // The server's word that it refused this copy's last change: the session starts again from the server's copy.
    messages.on("resync", ({ reason }) => {
      void connection.forgetLocalCopy().then(() => setResync(({ count }) => ({ count: count + 1, reason })));
    });
    const send = (command: object) => connection.provider.sendStateless(JSON.stringify(command));
    const model = new BoardModel(connection.doc);
    const voting = new VotingModel(connection.provider, messages, connection.workshop.doc, identity, role !== "viewer");
    const timer = new TimerModel(connection.workshop.doc, messages, send);
    const permissions = new Permissions(role, connection.workshop.doc, send);
    messages.on("person.known", ({ personId }) => {
      permissions.knownAs(personId);
      // Presence sent before the server knew who this is carries no person id: sent again, the server stamps it.
      const user: unknown = connection.provider.awareness?.getLocalState()?.user;
      if (user) connection.provider.setAwarenessField("user", user);
    });
    const notify = (notice: Notice) => controller.notify(notice);
    messages.on("refused", ({ command, reason }) => {
      if (command === "board.anonymous") notify({ key: `anonymous.refused.${reason}` });
    });
    const drafts = new DraftDesk(boardId, identity, connection, permissions, messages, send, notify);
    const controller = new BoardController(
      connection.doc,
      model,
      connection.provider,
      identity,
      permissions,
      voting,
      drafts,
    );
    if (announced) announce(connection.provider, identity);
    const follow = new FollowModel(
      controller,
      connection.provider.awareness!,
      connection.workshop.doc,
      messages,
      identity.id,
      (leader) => connection.provider.setAwarenessField("following", leader),
      send,
    );
    const presenter = new Presenter(controller, follow);
    const stopSharingView = shareView(connection.provider, controller.subscribe, () => follow.ownView());
    if (resync.reason) controller.notify({ key: `notice.resync.${resync.reason}` });
    // The server closed the connection for what it sent; the provider reconnects by itself.
    const onClose = ({ event }: { event: CloseEvent }) => {
      if (event.reason === CLOSE_REASONS.linkRevoked) {
        // Its token opens nothing any more: reconnecting would only be refused.
        connection.provider.configuration.websocketProvider.disconnect();
        return slot.set({ connection, controller, voting, timer, follow, presenter, drafts, revoked: true });
      }
      if (isCloseReason(event.reason)) controller.notify({ key: `notice.closed.${event.reason}` });
    };
    connection.provider.on("close", onClose);
    slot.set({ connection, controller, voting, timer, follow, presenter, drafts, revoked: false });
    return () => {
      connection.provider.off("close", onClose);
      slot.set(null);
      stopSharingView();
      follow.destroy();
      messages.destroy();
      timer.destroy();
      drafts.destroy();
      voting.destroy();
      controller.destroy();
      permissions.destroy();
      model.destroy();
      connection.destroy();
    };
  }, [slot, boardId, token, role, identity, announced, resync]);
  return useSyncExternalStore(slot.subscribe, slot.get);
}
