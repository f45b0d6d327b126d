import type { Connection, Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";
import {
  PhaseCommand,
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
    const next = (this.publishing.get(context.boardId) ?? Promise.resolve())
      .then(async () => {
        const direct = await this.instance().openDirectConnection(workshopDocumentName(context.boardId), context);
        await direct.transact((doc) => doc.getMap(WORKSHOP_SESSION).set(SESSION_PHASE, phase));
        await direct.disconnect();
      })
      .catch((error: unknown) => this.logger.error({ err: error, board: context.boardId }, "phase not published"));
    this.publishing.set(context.boardId, next);
    await next;
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
