import type { HocuspocusProvider } from "@hocuspocus/provider";
import type * as Y from "yjs";
import {
  WORKSHOP_ROUNDS,
  dotsOnMergedCards,
  mergeRootOf,
  readRecord,
  newId,
  roundVotesOn,
  type CardRecord,
  type CommandRefused,
  type LaneKind,
  type MyDots,
  type RoundProgress,
  type RoundRecord,
  type RoundRules,
  VoteCommand,
} from "@journeyboard/shared";
import type { Identity } from "../../identity/identity";
import type { ServerMessages } from "./serverMessages";

const VOTER_KEY = "journeyboard.voterKey";

/** This browser's secret for voting: made once, kept in the browser, sent to the server only. */
function voterKey(): string {
  let key = localStorage.getItem(VOTER_KEY);
  if (!key) {
    key = [...crypto.getRandomValues(new Uint8Array(24))].map((b) => b.toString(16).padStart(2, "0")).join("");
    localStorage.setItem(VOTER_KEY, key);
  }
  return key;
}

const VOTING_COMMANDS = new Set<string>(VoteCommand.options.map((option) => option.shape.type.value));

/**
 * This person's side of dot voting: the rounds as the server publishes them
 * (workshop document), their own dots and what they have left (told to them
 * alone), the facilitator's view of who has dots left, and the commands.
 * The server decides everything; a vote the connection dropped is sent
 * again after reconnecting, and its id makes it count once.
 */
export class VotingModel {
  private rounds: RoundRecord[] = [];
  private mine: MyDots | null = null;
  private progress: RoundProgress | null = null;
  private refusal: CommandRefused | null = null;
  private readonly pending = new Map<string, VoteCommand>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private readonly stop: Array<() => void> = [];

  constructor(
    private readonly provider: HocuspocusProvider,
    messages: ServerMessages,
    workshop: Y.Doc,
    private readonly identity: Identity,
    readonly canVote: boolean,
  ) {
    const rounds = workshop.getMap<RoundRecord>(WORKSHOP_ROUNDS);
    const readRounds = () => {
      const wasOpen = this.openRound()?.id;
      this.rounds = [...rounds.values()].sort((a, b) => a.openedAt - b.openedAt);
      // A refusal in one round ("no dots left") says nothing about the next.
      if (this.openRound()?.id !== wasOpen) this.refusal = null;
      this.bump();
    };
    rounds.observe(readRounds);
    readRounds();
    this.stop.push(() => rounds.unobserve(readRounds));

    const onAuthenticated = () => this.hello();
    provider.on("authenticated", onAuthenticated);
    this.stop.push(
      messages.on("vote.mine", this.receiveMine),
      messages.on("round.progress", (progress) => {
        this.progress = progress;
        this.bump();
      }),
      messages.on("refused", this.receiveRefusal),
      () => provider.off("authenticated", onAuthenticated),
    );
    if (provider.isAuthenticated) this.hello();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getVersion = () => this.version;
  private bump() {
    this.version++;
    this.listeners.forEach((listener) => listener());
  }

  allRounds(): readonly RoundRecord[] {
    return this.rounds;
  }
  /** The round people vote in now, if any. */
  openRound(): RoundRecord | undefined {
    return this.rounds.find((r) => r.status === "open");
  }
  /** The latest round, whatever its state. */
  latestRound(): RoundRecord | undefined {
    return this.rounds.at(-1);
  }
  /**
   * This person's dots in a round as they count on the board now: cards
   * merged since the server last told them count as the server counts them
   * (`dotsOnMergedCards`: once per merged card within the cap, the dots past
   * it back in the budget), without waiting for their next dot.
   */
  myDots(roundId: string): MyDots | null {
    const mine = this.mine?.roundId === roundId ? this.mine : null;
    const round = this.rounds.find((r) => r.id === roundId);
    if (!mine || !round) return mine;
    const board = this.provider.document;
    const rootOf = (cardId: string) => (readRecord(board, "cards", cardId) ? mergeRootOf(board, cardId) : cardId);
    const kindOf = (cardId: string) => {
      const card = readRecord(board, "cards", cardId);
      return card ? readRecord(board, "lanes", card.laneId)?.kind : undefined;
    };
    const cast = Object.entries(mine.dots).map(([cardId, dots]) => ({ participantId: "", cardId, dots }));
    const counted = dotsOnMergedCards(cast, rootOf, round.rules.capPerCard);
    const left = { ...mine.left };
    for (const [rows, sign] of [
      [cast, 1],
      [counted, -1],
    ] as const) {
      for (const row of rows) {
        const kind = kindOf(row.cardId);
        if (kind && left[kind] !== undefined) left[kind] += sign * row.dots;
      }
    }
    return { ...mine, dots: Object.fromEntries(counted.map((row) => [row.cardId, row.dots])), left };
  }
  progressOf(roundId: string): RoundProgress | null {
    return this.progress?.roundId === roundId ? this.progress : null;
  }
  /** The server's last refusal of this person's commands, unless a dot or a new round has made it old news. */
  lastRefusal(): CommandRefused | null {
    return this.refusal;
  }
  /** Whether this round votes on the card at all (the server's rule; it still decides each dot). */
  votesOn(round: RoundRecord, card: CardRecord, kind: LaneKind): boolean {
    const from = round.rules.fromRound;
    const earlier = from ? (this.rounds.find((r) => r.id === from.roundId)?.tallies ?? undefined) : undefined;
    return roundVotesOn(round.rules, card, kind, earlier);
  }

  start(rules: RoundRules) {
    this.send({ type: "round.start", rules });
  }
  close(roundId: string) {
    this.send({ type: "round.close", roundId });
  }
  reveal(roundId: string) {
    this.send({ type: "round.reveal", roundId });
  }
  addDot(roundId: string, cardId: string) {
    this.request({ type: "vote.add", roundId, cardId, requestId: newId() });
  }
  removeDot(roundId: string, cardId: string) {
    this.request({ type: "vote.remove", roundId, cardId, requestId: newId() });
  }

  private request(command: Extract<VoteCommand, { requestId: string }>) {
    this.pending.set(command.requestId, command);
    this.send(command);
  }

  private send(command: VoteCommand) {
    this.provider.sendStateless(JSON.stringify(command));
  }

  /** Says who votes through this connection, then sends again what it did not answer. */
  private hello() {
    if (!this.canVote) return;
    const { name, department } = this.identity;
    this.send({ type: "vote.hello", voterKey: voterKey(), name, department });
    for (const command of this.pending.values()) this.send(command);
  }

  private receiveMine = (message: MyDots) => {
    this.mine = message;
    if (message.requestId) {
      this.pending.delete(message.requestId);
      // A dot this person placed or took back since means the refusal no longer holds.
      this.refusal = null;
    }
    this.bump();
  };

  private receiveRefusal = (message: CommandRefused) => {
    if (!message.command || !VOTING_COMMANDS.has(message.command)) return;
    this.refusal = message;
    if (message.requestId) this.pending.delete(message.requestId);
    this.bump();
  };

  destroy() {
    this.stop.forEach((stop) => stop());
    this.listeners.clear();
  }
}
