import type { Connection } from "@hocuspocus/server";
import {
  COMMAND_REFUSALS,
  type FollowState,
  type PresenceState,
  type ViewArea,
  type ViewBrought,
} from "@journeyboard/shared";
import type { FollowStore } from "./FollowStore";
import { Refused } from "./Refused";
import type { WorkshopWriter } from "./WorkshopWriter";

/**
 * Following (the facilitator's, by the policy): "follow me" is stored and
 * published in the workshop document (`session.follow`), naming the leader
 * by the presence id their own connection announced, never by what a
 * command claims; "bring everyone here" is told once to every other
 * connection of the board and kept nowhere, so nobody who joins later is
 * moved by it.
 */
export class FollowService {
  constructor(
    private readonly store: FollowStore,
    private readonly writer: WorkshopWriter,
    private readonly now: () => number,
  ) {}

  async start(boardId: string, connection: Connection): Promise<void> {
    const leader = presenceIdOf(connection);
    if (leader === null) throw new Refused(COMMAND_REFUSALS.noPresence);
    const follow: FollowState = { leader, since: this.now() };
    await this.store.save(boardId, follow);
    void this.writer.publish(boardId, { follow });
  }

  async stop(boardId: string): Promise<void> {
    if ((await this.store.followOf(boardId)) === null) return;
    await this.store.save(boardId, null);
    void this.writer.publish(boardId, { follow: null });
  }

  bring(connection: Connection, view: ViewArea): void {
    const message: ViewBrought = { type: "view.brought", view, by: presenceIdOf(connection) };
    connection.document.broadcastStateless(JSON.stringify(message), (other) => other !== connection);
  }
}

/** The `user.id` in the presence this connection speaks for (the gate lets it speak for one), or null before it has said. */
function presenceIdOf(connection: Connection): string | null {
  const { document } = connection;
  const states = document.awareness.getStates();
  for (const clientId of document.getClients(connection)) {
    const id = (states.get(clientId) as PresenceState | undefined)?.user?.id;
    if (id) return id;
  }
  return null;
}
