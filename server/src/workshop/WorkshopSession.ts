import type { Connection, Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";
import {
  COMMAND_REFUSALS,
  LIMITS,
  boardWorkshop,
  recordsOf,
  type BoardWorkshop,
  type SnapshotKind,
} from "@journeyboard/shared";
import type { BoardContext } from "../extensions/context";
import { forgetNames } from "../gateway/presence";
import type { Logger } from "../logger";
import type { PhaseStore } from "../storage/PhaseStore";
import type { SnapshotStore } from "../storage/SnapshotStore";
import type { VoteStore } from "../storage/VoteStore";
import { VotingService } from "../voting/VotingService";
import type { AlarmLease } from "./AlarmLease";
import { CommandRegistry } from "./CommandRegistry";
import { FollowService } from "./FollowService";
import { GuardRules } from "./GuardRules";
import type { FollowStore } from "./FollowStore";
import { CardRightsService } from "./CardRightsService";
import type { CardRightsStore } from "./CardRightsStore";
import { AnonymityService } from "./AnonymityService";
import type { AnonymityStore } from "./AnonymityStore";
import type { CofacilitatorStore } from "./CofacilitatorStore";
import { DraftService } from "./DraftService";
import { LockService } from "./LockService";
import type { LockStore } from "./LockStore";
import { PeopleService } from "./PeopleService";
import { PhaseService } from "./PhaseService";
import { Refused } from "./Refused";
import { TimerService } from "./TimerService";
import type { TimerStore } from "./TimerStore";
import type { Announce, WorkshopNotice } from "./WorkshopNotice";
import { WorkshopWriter } from "./WorkshopWriter";

/** Whether a change of the board's cards changes which card a dot counts for: a card merged, split or deleted. */
const changesMerges = (event: Y.YEvent<Y.AbstractType<unknown>>): boolean =>
  event.path.length === 0
    ? [...event.changes.keys.values()].some((change) => change.action === "delete")
    : event.changes.keys.has("mergedInto");

export interface WorkshopDeps {
  phases: PhaseStore;
  timers: TimerStore;
  locks: LockStore;
  follow: FollowStore;
  cofacilitators: CofacilitatorStore;
  cardRights: CardRightsStore;
  anonymity: AnonymityStore;
  votes: VoteStore;
  snapshots: SnapshotStore;
  instance: () => Hocuspocus;
  logger: Logger;
  clock: () => number;
  /** Keeps the board as it is now in its history (after a reveal, at a change of phase). */
  keepInHistory(boardId: string, name: string, kind: SnapshotKind): void;
  /** Tells other instances holding a board what changed in its workshop (several instances); unset, nobody. */
  announce?: Announce;
  /** Which instance acts on a timer's deadline; unset, this one. */
  alarms?: AlarmLease;
}

/**
 * The workshop session of every board, in one place: its state in the
 * store (phase, timer, locks, follow me, co-facilitators, rounds and ballots; nothing of it only in this
 * process, so another instance reading the same store runs the same
 * workshop), one registry of the commands that change it, and one writer
 * of the workshop document that shows it to clients.
 *
 * The stores answer asynchronously, so the work of one board takes turns
 * (`inTurn`): a command, a timer's alarm or a departure runs once the one
 * before it on that board has finished, as each ran whole when the stores
 * were synchronous. Boards do not wait for each other.
 */
export class WorkshopSession {
  readonly phases: PhaseService;
  readonly timers: TimerService;
  readonly voting: VotingService;
  readonly locks: LockService;
  readonly follow: FollowService;
  readonly people: PeopleService;
  readonly cardRights: CardRightsService;
  readonly anonymity: AnonymityService;
  /** What the guard checks each update against, read from the store once per change of it. */
  private readonly rules: GuardRules;
  private readonly writer: WorkshopWriter;
  private readonly registry: CommandRegistry;
  /** Per board, the end of the work under way: the next waits for it. */
  private readonly turns = new Map<string, Promise<void>>();

  constructor(private readonly deps: WorkshopDeps) {
    const { timers: timerStore, follow: followStore, votes, snapshots, clock } = deps;
    this.rules = new GuardRules(async (boardId) => {
      const [phase, locks, cofacilitators, othersCards, anonymous] = await Promise.all([
        deps.phases.phaseOf(boardId),
        deps.locks.locksOf(boardId),
        deps.cofacilitators.cofacilitatorsOf(boardId),
        this.cardRights.othersCardsOf(boardId),
        deps.anonymity.anonymousOf(boardId),
      ]);
      return { phase, locks: new Set(locks), cofacilitators: new Set(cofacilitators), othersCards, anonymous };
    });
    const phaseStore = this.rules.watch(deps.phases, "setPhase");
    const lockStore = this.rules.watch(deps.locks, "set");
    const cofacilitators = this.rules.watch(deps.cofacilitators, "set");
    this.writer = new WorkshopWriter(
      deps.instance,
      {
        phaseOf: (boardId) => phaseStore.phaseOf(boardId),
        timerOf: (boardId) => timerStore.timerOf(boardId),
        historyAt: async (boardId) => (await snapshots.list(boardId))[0]?.createdAt ?? 0,
        rounds: (boardId) => votes.rounds(boardId),
        locksOf: (boardId) => lockStore.locksOf(boardId),
        followOf: (boardId) => followStore.followOf(boardId),
        cofacilitatorsOf: (boardId) => cofacilitators.cofacilitatorsOf(boardId),
        othersCardsOf: (boardId) => this.cardRights.othersCardsOf(boardId),
        anonymousOf: (boardId) => this.anonymity.anonymousOf(boardId),
      },
      deps.logger,
      deps.announce,
    );
    this.phases = new PhaseService(phaseStore, this.writer, clock, (boardId, phase) =>
      deps.keepInHistory(boardId, phase, "phase"),
    );
    this.people = new PeopleService(cofacilitators, this.writer, clock);
    this.cardRights = new CardRightsService(this.rules.watch(deps.cardRights, "set"), this.writer, clock);
    this.anonymity = new AnonymityService(this.rules.watch(deps.anonymity, "set"), this.writer, clock);
    this.voting = new VotingService(
      votes,
      deps.instance,
      this.writer,
      () => this.timers,
      clock,
      (boardId, round) => deps.keepInHistory(boardId, round.rules.title.slice(0, LIMITS.title), "auto"),
      this.people.cofacilitatorsOf,
      (boardId) => this.anonymity.anonymousOf(boardId),
      deps.announce,
    );
    this.timers = new TimerService(
      timerStore,
      this.writer,
      clock,
      {
        changed: (boardId, timer, previous) => this.voting.followTimer(boardId, timer, previous),
        ended: (boardId, timer) => this.voting.timerEnded(boardId, timer),
      },
      this.inTurn,
      deps.alarms,
    );
    this.locks = new LockService(lockStore, this.writer, clock);
    this.follow = new FollowService(followStore, this.writer, clock);
    const { voting, phases, timers, locks, follow, people, cardRights, anonymity } = this;
    const drafts = new DraftService(phases);
    this.registry = new CommandRegistry(
      {
        "vote.hello": ({ connection, context, command }) => {
          people.hello(connection, command.voterKey);
          return voting.hello(connection, context.boardId, command);
        },
        "vote.add": ({ connection, board, command }) => voting.vote(connection, board, command),
        "vote.remove": ({ connection, board, command }) => voting.vote(connection, board, command),
        "round.start": ({ context, command }) => voting.start(context.boardId, command.rules),
        "round.close": ({ context, command }) => voting.close(context.boardId, command.roundId),
        "round.reveal": ({ context, board, command }) => voting.reveal(context.boardId, board, command.roundId),
        "phase.set": ({ context, command }) => drafts.setPhase(context.boardId, command.phase),
        "timer.start": async ({ context, command }) => {
          if (await voting.countsDown(context.boardId)) throw new Refused(COMMAND_REFUSALS.roundTimer);
          await timers.start(context.boardId, command.seconds);
        },
        "timer.pause": ({ context }) => timers.pause(context.boardId),
        "timer.resume": ({ context }) => timers.resume(context.boardId),
        "timer.add": ({ context, command }) => timers.add(context.boardId, command.seconds),
        "timer.stop": ({ context }) => timers.stop(context.boardId),
        "lock.set": ({ context, board, command }) => locks.set(context.boardId, board, command),
        "view.bring": async ({ connection, command }) => follow.bring(connection, command.view),
        "follow.start": ({ connection, context }) => follow.start(context.boardId, connection),
        "follow.stop": ({ context }) => follow.stop(context.boardId),
        "cofacilitator.set": ({ context, command }) => people.set(context.boardId, command),
        "drafts.reveal": ({ context }) => drafts.reveal(context.boardId),
        "cards.others": ({ context, command }) => cardRights.set(context.boardId, command),
        "board.anonymous": async ({ context, command }) => {
          await anonymity.set(context.boardId, command);
          if (command.anonymous) this.forgetNames(context.boardId);
        },
      },
      people.standing.bind(people),
    );
  }

  rulesOf = (boardId: string) => this.rules.rulesOf(boardId);

  anonymousOf = (boardId: string) => this.anonymity.anonymousOf(boardId);

  /** What `board.json` carries of the workshop: the phase and the revealed rounds. */
  workshopOf = async (boardId: string): Promise<BoardWorkshop> => {
    const [phase, rounds] = await Promise.all([this.deps.phases.phaseOf(boardId), this.deps.votes.rounds(boardId)]);
    return boardWorkshop(phase, rounds);
  };

  /** Runs `work` once the board's work before it has finished; a failure is logged, and the next goes on. */
  inTurn = (boardId: string, work: () => Promise<void>): Promise<void> => {
    const next = (this.turns.get(boardId) ?? Promise.resolve())
      .then(work)
      .catch((error: unknown) => this.deps.logger.error({ err: error, board: boardId }, "workshop work failed"));
    this.turns.set(boardId, next);
    void next.then(() => {
      if (this.turns.get(boardId) === next) this.turns.delete(boardId);
    });
    return next;
  };

  /** A stateless message from a client, handled in the board's turn. */
  command(connection: Connection, board: Y.Doc, payload: string, onWorkshop: boolean): Promise<void> {
    const { boardId } = connection.context as BoardContext;
    return this.inTurn(boardId, () => this.registry.dispatch(connection, board, payload, onWorkshop));
  }

  /** A workshop document is loading: it gets everything stored, and the timer's deadline is watched again. */
  async loaded(boardId: string, doc: Y.Doc): Promise<void> {
    await this.writer.fill(boardId, doc);
    await this.timers.arm(boardId);
  }

  /**
   * Some instance (this one too) changed the board's workshop: the parts it
   * names are read again from the store, and the timer, if it changed, is
   * watched again here. Nothing happens for a workshop not loaded (or loading) here.
   */
  async changedElsewhere(boardId: string, notice: WorkshopNotice, fromHere: boolean): Promise<void> {
    // First, before anything waits: an update coming after the notice is checked against the rules it names.
    this.rules.changed(boardId, notice.parts);
    const { progress } = notice;
    if (progress && !fromHere) await this.inTurn(boardId, () => this.voting.tellFacilitatorsHere(boardId, progress));
    if (!this.writer.holds(boardId)) return;
    if (notice.parts.length) await this.writer.refresh(boardId, notice.parts);
    if (notice.parts.includes("timer")) await this.timers.arm(boardId);
    if (notice.parts.includes("anonymous") && (await this.anonymity.anonymousOf(boardId))) this.forgetNames(boardId);
  }

  /** The board's presence on this instance, without the names given before it was made anonymous. */
  private forgetNames(boardId: string): void {
    const board = this.deps.instance().documents.get(boardId);
    if (board) forgetNames(board);
  }

  /** A board loaded here: its open round follows each merge and split of its cards as it happens. */
  watchMerges(boardId: string, board: Y.Doc): void {
    recordsOf(board, "cards").observeDeep((events) => {
      if (events.some(changesMerges)) void this.inTurn(boardId, () => this.voting.mergesChanged(boardId));
    });
  }

  /** Tells every client of the board that its history gained a snapshot, so a history on screen reads it again. */
  historyChanged(boardId: string, at: number): Promise<void> {
    return this.writer.publish(boardId, { historyAt: at });
  }

  /** The board has unloaded: no notices of it reach this instance until it loads again. */
  unloaded(boardId: string): void {
    this.rules.forget(boardId);
  }

  /** Someone left: the facilitators' list of who still has dots changes. */
  left(boardId: string): Promise<void> {
    return this.inTurn(boardId, () => this.voting.progressOfOpenRound(boardId));
  }

  /** Waits for the workshop work and writes under way. */
  async flush(): Promise<void> {
    await Promise.all(this.turns.values());
    await this.writer.flush();
  }

  dispose(): void {
    this.timers.dispose();
  }
}
