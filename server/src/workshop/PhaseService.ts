import type { Connection, Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";
import {
  PhaseCommand,
  SESSION_HISTORY,
  SESSION_PHASE,
  VOTE_REFUSALS,
  WORKSHOP_SESSION,
  workshopDocumentName,
  type CommandRefused,
  type Phase,
} from "@journeyboard/shared";
import type { BoardContext } from "../extensions/context";
import type { Logger } from "../logger";
import type { PhaseStore } from "../storage/PhaseStore";

/**
 * The facilitator's workshop phases: `phase.set` from a facilitator is
 * stored, published in the board's workshop document (which only the server
 * writes) and, from then on, decides what participants' updates may change
 * (checkUpdate). Each change of phase keeps a snapshot in the board's history.
 */
export class PhaseService {
  /** Writes to each workshop document, one after another. */
  private readonly publishing = new Map<string, Promise<void>>();

  constructor(
    private readonly store: PhaseStore,
    private readonly instance: () => Hocuspocus,
    private readonly logger: Logger,
    private readonly now: () => number,
    /** Runs after each change of phase (the board's history keeps a snapshot then). */
    private readonly afterChange: (boardId: string, phase: Phase) => void,
  ) {}

  phaseOf = (boardId: string): Phase => this.store.phaseOf(boardId);

  async handle(connection: Connection, payload: unknown): Promise<void> {
    const context = connection.context as BoardContext;
    const parsed = PhaseCommand.safeParse(payload);
    if (!parsed.success) return this.refuse(connection, VOTE_REFUSALS.malformed);
    if (context.role !== "facilitator") return this.refuse(connection, VOTE_REFUSALS.forbidden);
    const { phase } = parsed.data;
    if (this.store.phaseOf(context.boardId) === phase) return;
    this.store.setPhase(context.boardId, phase, this.now());
    this.afterChange(context.boardId, phase);
    await this.publish(context.boardId, SESSION_PHASE, phase);
  }

  /** Tells every client of the board that its history gained a snapshot, so a history on screen reads it again. */
  historyChanged(boardId: string, at: number): Promise<void> {
    return this.publish(boardId, SESSION_HISTORY, at);
  }

  /** Writes one value of the board's session into its workshop document, after the writes before it. */
  private publish(boardId: string, key: string, value: unknown): Promise<void> {
    const next = (this.publishing.get(boardId) ?? Promise.resolve())
      .then(async () => {
        const direct = await this.instance().openDirectConnection(workshopDocumentName(boardId), { boardId });
        await direct.transact((doc) => doc.getMap(WORKSHOP_SESSION).set(key, value));
        await direct.disconnect();
      })
      .catch((error: unknown) => this.logger.error({ err: error, board: boardId, key }, "session not published"));
    this.publishing.set(boardId, next);
    return next;
  }

  /** Waits for the workshop writes under way. */
  async flush(): Promise<void> {
    await Promise.all(this.publishing.values());
  }

  /** Writes the stored phase into a workshop document being loaded. */
  fillWorkshop(boardId: string, doc: Y.Doc): void {
    doc.getMap(WORKSHOP_SESSION).set(SESSION_PHASE, this.store.phaseOf(boardId));
  }

  private refuse(connection: Connection, reason: CommandRefused["reason"]) {
    const refused: CommandRefused = { type: "refused", command: "phase.set", requestId: null, reason };
    connection.sendStateless(JSON.stringify(refused));
  }
}
