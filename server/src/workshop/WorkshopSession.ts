import type { Connection, Hocuspocus } from "@hocuspocus/server";
import type Database from "better-sqlite3";
import type * as Y from "yjs";
import { COMMAND_REFUSALS, LIMITS, boardWorkshop, type BoardWorkshop, type SnapshotKind } from "@journeyboard/shared";
import type { Logger } from "../logger";
import { PhaseStore } from "../storage/PhaseStore";
import type { SnapshotStore } from "../storage/SnapshotStore";
import type { VoteStore } from "../storage/VoteStore";
import { VotingService } from "../voting/VotingService";
import { CommandRegistry } from "./CommandRegistry";
import { LockService } from "./LockService";
import { LockStore } from "./LockStore";
import { PhaseService } from "./PhaseService";
import { Refused } from "./Refused";
import { TimerService } from "./TimerService";
import { TimerStore } from "./TimerStore";
import { WorkshopWriter } from "./WorkshopWriter";

export interface WorkshopDeps {
  db: Database.Database;
  votes: VoteStore;
  snapshots: SnapshotStore;
  instance: () => Hocuspocus;
  logger: Logger;
  clock: () => number;
  /** Keeps the board as it is now in its history (after a reveal, at a change of phase). */
  keepInHistory(boardId: string, name: string, kind: SnapshotKind): void;
}

/**
 * The workshop session of every board, in one place: its state in the
 * store (phase, timer, locks, rounds and ballots; nothing of it only in this
 * process, so another instance reading the same store runs the same
 * workshop), one registry of the commands that change it, and one writer
 * of the workshop document that shows it to clients.
 */
export class WorkshopSession {
  readonly phases: PhaseService;
  readonly timers: TimerService;
  readonly voting: VotingService;
  readonly locks: LockService;
  private readonly writer: WorkshopWriter;
  private readonly phaseStore: PhaseStore;
  private readonly registry: CommandRegistry;

  constructor(private readonly deps: WorkshopDeps) {
    const { db, votes, snapshots, clock } = deps;
    this.phaseStore = new PhaseStore(db);
    const timerStore = new TimerStore(db);
    const lockStore = new LockStore(db);
    this.writer = new WorkshopWriter(
      deps.instance,
      {
        phaseOf: (boardId) => this.phaseStore.phaseOf(boardId),
        timerOf: (boardId) => timerStore.timerOf(boardId),
        historyAt: (boardId) => snapshots.list(boardId)[0]?.createdAt ?? 0,
        rounds: (boardId) => votes.rounds(boardId),
        locksOf: (boardId) => lockStore.locksOf(boardId),
      },
      deps.logger,
    );
    this.phases = new PhaseService(this.phaseStore, this.writer, clock, (boardId, phase) =>
      deps.keepInHistory(boardId, phase, "phase"),
    );
    this.voting = new VotingService(
      votes,
      deps.instance,
      this.writer,
      () => this.timers,
      clock,
      (boardId, round) => deps.keepInHistory(boardId, round.rules.title.slice(0, LIMITS.title), "auto"),
    );
    this.timers = new TimerService(timerStore, this.writer, clock, {
      changed: (boardId, timer, previous) => this.voting.followTimer(boardId, timer, previous),
      ended: (boardId, timer) => this.voting.timerEnded(boardId, timer),
    });
    this.locks = new LockService(lockStore, this.writer, clock);
    const { voting, phases, timers, locks } = this;
    this.registry = new CommandRegistry({
      "vote.hello": ({ connection, context, command }) => voting.hello(connection, context.boardId, command),
      "vote.add": ({ connection, board, command }) => voting.vote(connection, board, command),
      "vote.remove": ({ connection, board, command }) => voting.vote(connection, board, command),
      "round.start": ({ context, command }) => voting.start(context.boardId, command.rules),
      "round.close": ({ context, command }) => voting.close(context.boardId, command.roundId),
      "round.reveal": ({ context, command }) => voting.reveal(context.boardId, command.roundId),
      "phase.set": ({ context, command }) => phases.set(context.boardId, command.phase),
      "timer.start": ({ context, command }) => {
        if (voting.countsDown(context.boardId)) throw new Refused(COMMAND_REFUSALS.roundTimer);
        timers.start(context.boardId, command.seconds);
      },
      "timer.pause": ({ context }) => timers.pause(context.boardId),
      "timer.resume": ({ context }) => timers.resume(context.boardId),
      "timer.add": ({ context, command }) => timers.add(context.boardId, command.seconds),
      "timer.stop": ({ context }) => timers.stop(context.boardId),
      "lock.set": ({ context, board, command }) => locks.set(context.boardId, board, command),
    });
  }

  phaseOf = (boardId: string) => this.phases.phaseOf(boardId);

  locksOf = (boardId: string) => this.locks.locksOf(boardId);

  /** What `board.json` carries of the workshop: the phase and the revealed rounds. */
  workshopOf = (boardId: string): BoardWorkshop =>
    boardWorkshop(this.phaseStore.phaseOf(boardId), this.deps.votes.rounds(boardId));

  /** Stores an imported file's workshop for a new board (inside the transaction that creates it). */
  importWorkshop(boardId: string, workshop: BoardWorkshop): void {
    this.phaseStore.setPhase(boardId, workshop.phase, this.deps.clock());
    for (const round of workshop.rounds) this.deps.votes.saveRound(boardId, round);
  }

  /** A stateless message from a client. */
  command(connection: Connection, board: Y.Doc, payload: string, onWorkshop: boolean): void {
    this.registry.dispatch(connection, board, payload, onWorkshop);
  }

  /** A workshop document is loading: it gets everything stored, and the timer's deadline is watched again. */
  loaded(boardId: string, doc: Y.Doc): void {
    this.writer.fill(boardId, doc);
    this.timers.arm(boardId);
  }

  /** Tells every client of the board that its history gained a snapshot, so a history on screen reads it again. */
  historyChanged(boardId: string, at: number): Promise<void> {
    return this.writer.publish(boardId, { historyAt: at });
  }

  /** Someone left: the facilitators' list of who still has dots changes. */
  left(boardId: string): void {
    this.voting.progressOfOpenRound(boardId);
  }

  /** Waits for the workshop writes under way. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  dispose(): void {
    this.timers.dispose();
  }
}
