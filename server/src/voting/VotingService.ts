import type { Connection, Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";
import {
  VOTE_REFUSALS,
  dotsOnMergedCards,
  mergeGroupOf,
  mergeRootOf,
  newId,
  readRecord,
  roundVotesOn,
  runsWorkshop,
  shownName,
  type CommandOf,
  type MyDots,
  type RoundProgress,
  type RoundRecord,
  type RoundRules,
  type TimerState,
  type VoteCategory,
  type VoteMessage,
} from "@journeyboard/shared";
import type { BoardContext } from "../extensions/context";
import type { DotRow, VoteStore } from "../storage/VoteStore";
import { personIdOf, standingAmong } from "../workshop/PeopleService";
import { Refused } from "../workshop/Refused";
import type { Announce } from "../workshop/WorkshopNotice";
import type { TimerService } from "../workshop/TimerService";
import type { WorkshopWriter } from "../workshop/WorkshopWriter";
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

/**
 * Runs dot-voting rounds for every board: the handlers of the voting
 * commands (the registry has checked the command and the sender's role)
 * check the round, the card and the voter's limits, store each change
 * (VoteStore, one transaction per dot), answer the voter alone, tell
 * facilitators who has dots left, and have round state (and totals, once
 * revealed or in an open round) published in the board's workshop
 * document. A round's countdown is the workshop timer bound to it: the
 * round's `endsAt` follows the timer's deadline (null while it is paused),
 * and the round closes when it ends.
 */
/** The dots as they count on the board as it is now: on merged cards, within the round's cap (`dotsOnMergedCards`). */
const counted = (board: Y.Doc, round: RoundRecord, rows: readonly DotRow[]): DotRow[] =>
  dotsOnMergedCards(rows, (cardId) => mergeRootOf(board, cardId), round.rules.capPerCard);

export class VotingService {
  private readonly voters = new WeakMap<Connection, Voter>();

  constructor(
    private readonly store: VoteStore,
    private readonly instance: () => Hocuspocus,
    private readonly writer: WorkshopWriter,
    private readonly timers: () => TimerService,
    private readonly now: () => number,
    /** Runs once a round's results are out (the board's history keeps a snapshot then). */
    private readonly afterReveal: (boardId: string, round: RoundRecord) => void,
    /** The board's co-facilitators, who are told who has dots left as the facilitator is. */
    private readonly cofacilitatorsOf: (boardId: string) => Promise<ReadonlySet<string>>,
    /** Whether the board is anonymous: progress then names nobody, only departments. */
    private readonly anonymousOf: (boardId: string) => Promise<boolean>,
    private readonly announce: Announce = () => {},
  ) {}

  /** Who votes through this connection, said once per connection (and again after each reconnect). */
  async hello(connection: Connection, boardId: string, command: CommandOf<"vote.hello">): Promise<void> {
    if (!this.voters.has(connection)) {
      const { person, invite } = connection.context as BoardContext;
      // An invited person votes as the invite, whatever key and name each of their browsers says.
      const participantId = person ?? personIdOf(boardId, command.voterKey);
      const { name, department } = invite ?? command;
      this.voters.set(connection, { participantId, name, department });
    }
    await this.afterHello(connection, boardId);
  }

  // Rounds

  /** The round, closed first if its countdown has run out. */
  private async current(boardId: string, roundId: string): Promise<RoundRecord> {
    const round = await this.store.round(boardId, roundId);
    if (!round) throw new Refused(VOTE_REFUSALS.noSuchRound);
    return this.closedIfOver(boardId, round);
  }

  private async closedIfOver(boardId: string, round: RoundRecord): Promise<RoundRecord> {
    if (round.status === "open" && round.endsAt !== null && this.now() >= round.endsAt) {
      return this.saveAndPublish(boardId, { ...round, status: "closed", closedAt: round.endsAt });
    }
    return round;
  }

  /** Whether the board's timer counts down its open round. */
  async countsDown(boardId: string): Promise<boolean> {
    const roundId = (await this.timers().timerOf(boardId))?.roundId;
    if (roundId == null || (await this.store.round(boardId, roundId)) === null) return false;
    return (await this.current(boardId, roundId)).status === "open";
  }

  async start(boardId: string, rules: RoundRules): Promise<void> {
    for (const stored of await this.store.rounds(boardId)) {
      if ((await this.closedIfOver(boardId, stored)).status === "open") throw new Refused(VOTE_REFUSALS.roundOpen);
    }
    if (rules.fromRound && (await this.current(boardId, rules.fromRound.roundId)).status !== "revealed") {
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
    await this.saveAndPublish(boardId, round);
    if (rules.durationSeconds !== null) await this.timers().start(boardId, rules.durationSeconds, round.id);
    await this.sendProgress(boardId, round.id);
  }

  /** The timer changed: a round it counts down (or counted down) takes its deadline, none while paused or stopped. */
  async followTimer(boardId: string, timer: TimerState | null, previous: TimerState | null): Promise<void> {
    const roundId = timer?.roundId ?? previous?.roundId;
    if (!roundId || !(await this.store.round(boardId, roundId))) return;
    const round = await this.current(boardId, roundId);
    if (round.status !== "open") return;
    const endsAt = timer?.status === "running" && timer.roundId === roundId ? timer.endsAt : null;
    if (endsAt !== round.endsAt) await this.saveAndPublish(boardId, { ...round, endsAt });
  }

  /** The timer reached zero: the round it counted down closes. */
  async timerEnded(boardId: string, timer: TimerState): Promise<void> {
    if (!timer.roundId || !(await this.store.round(boardId, timer.roundId))) return;
    await this.current(boardId, timer.roundId);
    await this.sendProgress(boardId, timer.roundId);
  }

  async close(boardId: string, roundId: string): Promise<void> {
    const round = await this.current(boardId, roundId);
    if (round.status !== "open") throw new Refused(VOTE_REFUSALS.notOpen);
    await this.saveAndPublish(boardId, { ...round, status: "closed", closedAt: this.now() });
    // Closed by hand: its countdown has nothing left to count.
    if ((await this.timers().timerOf(boardId))?.roundId === roundId) await this.timers().stop(boardId);
    await this.sendProgress(boardId, roundId);
  }

  async reveal(boardId: string, board: Y.Doc, roundId: string): Promise<void> {
    const round = await this.current(boardId, roundId);
    if (round.status !== "closed") throw new Refused(VOTE_REFUSALS.notClosed);
    const rows = counted(board, round, await this.store.dots(boardId, roundId));
    const revealed = await this.saveAndPublish(boardId, {
      ...round,
      status: "revealed",
      revealedAt: this.now(),
      tallies: tallyOf(rows),
      voters: votersOf(rows),
    });
    this.afterReveal(boardId, revealed);
  }

  // Dots

  async vote(connection: Connection, board: Y.Doc, command: CommandOf<"vote.add" | "vote.remove">): Promise<void> {
    const context = connection.context as BoardContext;
    const voter = this.voters.get(connection);
    if (!voter) throw new Refused(VOTE_REFUSALS.notIdentified);
    const boardId = context.boardId;
    const round = await this.current(boardId, command.roundId);
    if (round.status !== "open") throw new Refused(VOTE_REFUSALS.notOpen);
    // A vote goes to the card on the board: the merged card, whichever of its originals it names.
    const cardId = readRecord(board, "cards", command.cardId) ? mergeRootOf(board, command.cardId) : command.cardId;
    const category = this.categoryOf(board, cardId);
    const change = { boardId, roundId: round.id, ...voter, cardId, category, requestId: command.requestId };
    const mine = await this.store.dotsOf(boardId, round.id, voter.participantId);
    const group = new Set(mergeGroupOf(board, cardId));
    if (command.type === "vote.add") {
      const budget = await this.eligibleBudget(boardId, round, board, cardId, category);
      const cap = round.rules.capPerCard;
      const onCard = mine.filter((row) => group.has(row.cardId)).reduce((sum, row) => sum + row.dots, 0);
      if (onCard >= cap) throw new Refused(VOTE_REFUSALS.cap);
      // Dots past the cap on cards merged since they were placed count for nothing: they go back to the budget.
      const inCategory = (rows: readonly DotRow[]) =>
        rows.filter((row) => row.category === category).reduce((sum, row) => sum + row.dots, 0);
      const returned = inCategory(mine) - inCategory(counted(board, round, mine));
      const result = await this.store.addDot(change, { budget: budget + returned, cap });
      if (result === "budget" || result === "cap") throw new Refused(result);
    } else {
      // Taken back from the merged card: from the card the dot was placed on, the merged card's own first.
      const placed = mine.find((row) => row.cardId === cardId) ?? mine.find((row) => group.has(row.cardId));
      const from = placed ? { ...change, cardId: placed.cardId, category: placed.category } : change;
      if ((await this.store.removeDot(from)) === "no-dot") throw new Refused(VOTE_REFUSALS.noDot);
    }
    this.send(connection, await this.myDots(boardId, board, round, voter.participantId, command.requestId));
    await this.sendProgress(boardId, round.id);
    await this.publishLiveTally(boardId, board, round);
  }

  /**
   * Cards were merged or split (or a merged card deleted): the open round
   * counts its dots on the board as it is now at once, not at the next dot.
   * Every instance holding the board sees the change and tells its own
   * voters and facilitators.
   */
  async mergesChanged(boardId: string): Promise<void> {
    const open = (await this.store.rounds(boardId)).find((r) => r.status === "open");
    if (!open) return;
    const round = await this.closedIfOver(boardId, open);
    // Read after the store: the board and its connections as they are now.
    const board = this.instance().documents.get(boardId);
    if (round.status !== "open" || !board) return;
    await this.publishLiveTally(boardId, board, round);
    for (const connection of board.getConnections()) {
      const voter = this.voters.get(connection);
      if (voter) this.send(connection, await this.myDots(boardId, board, round, voter.participantId, null));
    }
    await this.tellFacilitatorsHere(boardId, round.id);
  }

  /** An open round that is not blind shows its totals as they stand. */
  private async publishLiveTally(boardId: string, board: Y.Doc, round: RoundRecord): Promise<void> {
    if (round.rules.blind) return;
    const rows = counted(board, round, await this.store.dots(boardId, round.id));
    await this.saveAndPublish(boardId, { ...round, tallies: tallyOf(rows), voters: votersOf(rows) });
  }

  private categoryOf(board: Y.Doc, cardId: string): VoteCategory {
    const card = readRecord(board, "cards", cardId);
    const lane = card ? readRecord(board, "lanes", card.laneId) : undefined;
    if (!card || !lane) throw new Refused(VOTE_REFUSALS.noSuchCard);
    return lane.kind;
  }

  /** The voter's budget for the card's category, when the round votes on this card at all. */
  private async eligibleBudget(
    boardId: string,
    round: RoundRecord,
    board: Y.Doc,
    cardId: string,
    category: VoteCategory,
  ): Promise<number> {
    const { rules } = round;
    const earlier = rules.fromRound
      ? ((await this.store.round(boardId, rules.fromRound.roundId))?.tallies ?? undefined)
      : undefined;
    // Read after the store: the card is as the board holds it now.
    const card = readRecord(board, "cards", cardId);
    if (!card) throw new Refused(VOTE_REFUSALS.noSuchCard);
    const budget = rules.budgets[category];
    if (budget === undefined || !roundVotesOn(rules, card, category, earlier))
      throw new Refused(VOTE_REFUSALS.notEligible);
    return budget;
  }

  private async myDots(
    boardId: string,
    board: Y.Doc | undefined,
    round: RoundRecord,
    participantId: string,
    requestId: string | null,
  ): Promise<MyDots> {
    const cast = await this.store.dotsOf(boardId, round.id, participantId);
    const rows = board ? counted(board, round, cast) : cast;
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
  private async afterHello(connection: Connection, boardId: string) {
    const voter = this.voters.get(connection)!;
    for (const round of await this.store.rounds(boardId)) {
      const current = await this.closedIfOver(boardId, round);
      if (current.status === "open") {
        const board = this.instance().documents.get(boardId);
        this.send(connection, await this.myDots(boardId, board, current, voter.participantId, null));
      }
    }
    await this.progressOfOpenRound(boardId);
  }

  /** Someone left: the facilitators' list of who still has dots changes. */
  async progressOfOpenRound(boardId: string): Promise<void> {
    const open = (await this.store.rounds(boardId)).find((r) => r.status === "open");
    if (open) await this.sendProgress(boardId, open.id);
  }

  /** Tells those who run the workshop, on every instance, how many dots each person has used: never where. */
  async sendProgress(boardId: string, roundId: string): Promise<void> {
    this.announce(boardId, { parts: [], progress: roundId });
    await this.tellFacilitatorsHere(boardId, roundId);
  }

  /** Tells the facilitators connected to this instance; the voters it counts by name are those connected here. */
  async tellFacilitatorsHere(boardId: string, roundId: string): Promise<void> {
    if (!this.instance().documents.has(boardId)) return;
    const [round, rows, anonymous] = await Promise.all([
      this.store.round(boardId, roundId),
      this.store.dots(boardId, roundId),
      this.anonymousOf(boardId),
    ]);
    // Read after the store: the connections are those open now.
    const board = this.instance().documents.get(boardId);
    if (!board || !round) return;
    const budget = Object.values(round.rules.budgets).reduce((a, b) => a + b, 0);
    const people = new Map<string, RoundProgress["people"][number]>();
    for (const connection of board.getConnections()) {
      const voter = this.voters.get(connection);
      if (voter) people.set(voter.participantId, { ...voter, name: shownName(voter.name, anonymous), used: 0, budget });
    }
    for (const row of counted(board, round, rows)) {
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
    const cofacilitators = await this.cofacilitatorsOf(boardId);
    for (const connection of board.getConnections()) {
      if (runsWorkshop(standingAmong(connection.context as BoardContext, cofacilitators)))
        this.send(connection, progress);
    }
  }

  private send(connection: Connection, message: VoteMessage) {
    connection.sendStateless(JSON.stringify(message));
  }

  /** Stores the round, then has it written into the workshop document. */
  private async saveAndPublish(boardId: string, round: RoundRecord): Promise<RoundRecord> {
    await this.store.saveRound(boardId, round);
    void this.writer.publish(boardId, { rounds: [round] });
    return round;
  }
}
