import type { Connection, Document, Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";
import {
  VOTE_REFUSALS,
  VoteCommand,
  WORKSHOP_ROUNDS,
  newId,
  readRecord,
  roundVotesOn,
  workshopDocumentName,
  type CommandRefused,
  type MyDots,
  type RoundProgress,
  type RoundRecord,
  type RoundRules,
  type VoteCategory,
  type VoteMessage,
  type VoteRefusal,
} from "@journeyboard/shared";
import type { BoardContext } from "../extensions/context";
import type { Logger } from "../logger";
import type { VoteStore } from "../storage/VoteStore";
import { hashToken } from "../tokens";
import { tallyOf, votersOf } from "./tally";

/**
 * Who votes through a connection, as its client said once (`vote.hello`);
 * fixed for the connection's life. `participantId` is the hash of the
 * voter's secret key on this board.
 */
interface Voter {
  participantId: string;
  name: string;
  department: string;
}

class Refused extends Error {
  constructor(readonly reason: VoteRefusal) {
    super(reason);
  }
}

type Command<T extends VoteCommand["type"]> = Extract<VoteCommand, { type: T }>;

/**
 * Runs dot-voting rounds for every board: checks each command against the
 * connection's role, the round, the card and the voter's limits, stores it
 * (VoteStore, one transaction per dot), answers the voter alone, tells
 * facilitators who has dots left, and publishes round state (and totals,
 * once revealed or in an open round) in the board's workshop document,
 * which only the server writes.
 */
export class VotingService {
  private readonly voters = new WeakMap<Connection, Voter>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Writes to each workshop document, one after another. */
  private readonly publishing = new Map<string, Promise<void>>();

  constructor(
    private readonly store: VoteStore,
    private readonly instance: () => Hocuspocus,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    /** Runs once a round's results are out (the board's history keeps a snapshot then). */
    private readonly afterReveal: (boardId: string, round: RoundRecord) => void = () => {},
  ) {}

  async handle(connection: Connection, board: Document, payload: string): Promise<void> {
    const context = connection.context as BoardContext;
    let command: VoteCommand | null = null;
    try {
      const parsed = VoteCommand.safeParse(JSON.parse(payload));
      if (!parsed.success) throw new Refused(VOTE_REFUSALS.malformed);
      command = parsed.data;
      await this.run(connection, context, board, command);
    } catch (error) {
      if (error instanceof SyntaxError) return this.refuse(connection, null, VOTE_REFUSALS.malformed);
      if (!(error instanceof Refused)) throw error;
      this.refuse(connection, command, error.reason);
    }
  }

  private async run(connection: Connection, context: BoardContext, board: Document, command: VoteCommand) {
    switch (command.type) {
      case "vote.hello":
        if (context.role === "viewer") throw new Refused(VOTE_REFUSALS.forbidden);
        if (!this.voters.has(connection)) {
          const participantId = hashToken(`${context.boardId}:${command.voterKey}`);
          this.voters.set(connection, { participantId, name: command.name, department: command.department });
        }
        return this.afterHello(connection, context.boardId);
      case "round.start":
        this.requireFacilitator(context);
        return this.start(context.boardId, command.rules);
      case "round.close":
        this.requireFacilitator(context);
        return this.close(context.boardId, command.roundId);
      case "round.reveal":
        this.requireFacilitator(context);
        return this.reveal(context.boardId, command.roundId);
      case "vote.add":
      case "vote.remove":
        return this.vote(connection, context, board, command);
    }
  }

  private requireFacilitator(context: BoardContext) {
    if (context.role !== "facilitator") throw new Refused(VOTE_REFUSALS.forbidden);
  }

  // Rounds

  /** The round, closed first if its countdown has run out. */
  private current(boardId: string, roundId: string): RoundRecord {
    const round = this.store.round(boardId, roundId);
    if (!round) throw new Refused(VOTE_REFUSALS.noSuchRound);
    if (round.status === "open" && round.endsAt !== null && this.now() >= round.endsAt) {
      return this.saveAndPublish(boardId, { ...round, status: "closed", closedAt: round.endsAt });
    }
    return round;
  }

  private async start(boardId: string, rules: RoundRules) {
    const open = this.store.rounds(boardId).some((r) => this.current(boardId, r.id).status === "open");
    if (open) throw new Refused(VOTE_REFUSALS.roundOpen);
    if (rules.fromRound && this.current(boardId, rules.fromRound.roundId).status !== "revealed") {
      throw new Refused(VOTE_REFUSALS.noSuchRound);
    }
    const openedAt = this.now();
    const round: RoundRecord = {
      id: newId(),
      rules,
      status: "open",
      openedAt,
      endsAt: rules.durationSeconds === null ? null : openedAt + rules.durationSeconds * 1000,
      closedAt: null,
      revealedAt: null,
      tallies: rules.blind ? null : [],
      voters: rules.blind ? null : 0,
    };
    this.saveAndPublish(boardId, round);
    if (round.endsAt !== null) {
      const key = `${boardId}/${round.id}`;
      const timer = setTimeout(() => {
        this.timers.delete(key);
        this.current(boardId, round.id);
        this.sendProgress(boardId, round.id);
      }, round.endsAt - openedAt);
      timer.unref();
      this.timers.set(key, timer);
    }
    this.sendProgress(boardId, round.id);
  }

  private close(boardId: string, roundId: string) {
    const round = this.current(boardId, roundId);
    if (round.status !== "open") throw new Refused(VOTE_REFUSALS.notOpen);
    this.saveAndPublish(boardId, { ...round, status: "closed", closedAt: this.now() });
    clearTimeout(this.timers.get(`${boardId}/${roundId}`));
    this.sendProgress(boardId, roundId);
  }

  private reveal(boardId: string, roundId: string) {
    const round = this.current(boardId, roundId);
    if (round.status !== "closed") throw new Refused(VOTE_REFUSALS.notClosed);
    const rows = this.store.dots(boardId, roundId);
    const revealed = this.saveAndPublish(boardId, {
      ...round,
      status: "revealed",
      revealedAt: this.now(),
      tallies: tallyOf(rows),
      voters: votersOf(rows),
    });
    this.afterReveal(boardId, revealed);
  }

  // Dots

  private vote(
    connection: Connection,
    context: BoardContext,
    board: Document,
    command: Command<"vote.add" | "vote.remove">,
  ) {
    if (context.role === "viewer") throw new Refused(VOTE_REFUSALS.forbidden);
    const voter = this.voters.get(connection);
    if (!voter) throw new Refused(VOTE_REFUSALS.notIdentified);
    const boardId = context.boardId;
    const round = this.current(boardId, command.roundId);
    if (round.status !== "open") throw new Refused(VOTE_REFUSALS.notOpen);
    const category = this.categoryOf(board, command.cardId);
    const change = {
      boardId,
      roundId: round.id,
      ...voter,
      cardId: command.cardId,
      category,
      requestId: command.requestId,
    };
    if (command.type === "vote.add") {
      const budget = this.eligibleBudget(boardId, round, board, command.cardId, category);
      const result = this.store.addDot(change, { budget, cap: round.rules.capPerCard });
      if (result === "budget" || result === "cap") throw new Refused(result);
    } else if (this.store.removeDot(change) === "no-dot") throw new Refused(VOTE_REFUSALS.noDot);
    this.send(connection, this.myDots(boardId, round, voter.participantId, command.requestId));
    this.sendProgress(boardId, round.id);
    if (!round.rules.blind) {
      const rows = this.store.dots(boardId, round.id);
      this.saveAndPublish(boardId, { ...round, tallies: tallyOf(rows), voters: votersOf(rows) });
    }
  }

  private categoryOf(board: Y.Doc, cardId: string): VoteCategory {
    const card = readRecord(board, "cards", cardId);
    const lane = card ? readRecord(board, "lanes", card.laneId) : undefined;
    if (!card || !lane) throw new Refused(VOTE_REFUSALS.noSuchCard);
    return lane.kind;
  }

  /** The voter's budget for the card's category, when the round votes on this card at all. */
  private eligibleBudget(boardId: string, round: RoundRecord, board: Y.Doc, cardId: string, category: VoteCategory) {
    const { rules } = round;
    const card = readRecord(board, "cards", cardId)!;
    const earlier = rules.fromRound
      ? (this.store.round(boardId, rules.fromRound.roundId)?.tallies ?? undefined)
      : undefined;
    const budget = rules.budgets[category];
    if (budget === undefined || !roundVotesOn(rules, card, category, earlier))
      throw new Refused(VOTE_REFUSALS.notEligible);
    return budget;
  }

  private myDots(boardId: string, round: RoundRecord, participantId: string, requestId: string | null): MyDots {
    const rows = this.store.dotsOf(boardId, round.id, participantId);
    const left: MyDots["left"] = { ...round.rules.budgets };
    for (const row of rows) left[row.category] = (left[row.category] ?? 0) - row.dots;
    return {
      type: "vote.mine",
      roundId: round.id,
      dots: Object.fromEntries(rows.map((r) => [r.cardId, r.dots])),
      left,
      requestId,
    };
  }

  // Messages

  /** A voter who (re)connects learns their own dots in the open round. */
  private afterHello(connection: Connection, boardId: string) {
    const voter = this.voters.get(connection)!;
    for (const round of this.store.rounds(boardId)) {
      const current = this.current(boardId, round.id);
      if (current.status === "open") this.send(connection, this.myDots(boardId, current, voter.participantId, null));
    }
    this.progressOfOpenRound(boardId);
  }

  /** Someone left: the facilitators' list of who still has dots changes. */
  progressOfOpenRound(boardId: string): void {
    const open = this.store.rounds(boardId).find((r) => r.status === "open");
    if (open) this.sendProgress(boardId, open.id);
  }

  /** Tells the board's facilitators how many dots each person has used: never where. */
  sendProgress(boardId: string, roundId: string): void {
    const board = this.instance().documents.get(boardId);
    const round = this.store.round(boardId, roundId);
    if (!board || !round) return;
    const budget = Object.values(round.rules.budgets).reduce((a, b) => a + (b ?? 0), 0);
    const people = new Map<string, RoundProgress["people"][number]>();
    for (const connection of board.getConnections()) {
      const voter = this.voters.get(connection);
      if (voter) people.set(voter.participantId, { ...voter, used: 0, budget });
    }
    for (const row of this.store.dots(boardId, roundId)) {
      const person = people.get(row.participantId) ?? {
        participantId: row.participantId,
        name: "",
        department: row.department,
        used: 0,
        budget,
      };
      person.used += row.dots;
      people.set(row.participantId, person);
    }
    const progress: RoundProgress = { type: "round.progress", roundId, people: [...people.values()] };
    for (const connection of board.getConnections()) {
      if ((connection.context as BoardContext).role === "facilitator") this.send(connection, progress);
    }
  }

  private send(connection: Connection, message: VoteMessage) {
    connection.sendStateless(JSON.stringify(message));
  }

  private refuse(connection: Connection, command: VoteCommand | null, reason: VoteRefusal) {
    const refused: CommandRefused = {
      type: "refused",
      command: command?.type ?? null,
      requestId: command && "requestId" in command ? command.requestId : null,
      reason,
    };
    this.send(connection, refused);
  }

  // The workshop document

  /** Stores the round, then writes it into the workshop document (in order, per board). */
  private saveAndPublish(boardId: string, round: RoundRecord): RoundRecord {
    this.store.saveRound(boardId, round);
    const previous = this.publishing.get(boardId) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        const direct = await this.instance().openDirectConnection(workshopDocumentName(boardId), { boardId });
        await direct.transact((doc) => doc.getMap(WORKSHOP_ROUNDS).set(round.id, round));
        await direct.disconnect();
      })
      .catch((error: unknown) => this.logger.error({ err: error, board: boardId }, "round not published"));
    this.publishing.set(boardId, next);
    return round;
  }

  /** Writes every stored round into a workshop document being loaded: the store is the truth, the document its copy. */
  fillWorkshop(boardId: string, doc: Y.Doc): void {
    const rounds = doc.getMap(WORKSHOP_ROUNDS);
    doc.transact(() => {
      for (const round of this.store.rounds(boardId)) rounds.set(round.id, round);
    });
  }

  /** Waits for the workshop writes under way. */
  async flush(): Promise<void> {
    await Promise.all(this.publishing.values());
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
