import { z } from "zod";
import { FollowCommand, type ViewBrought } from "./follow";
import { DRAFT_REFUSALS, DraftsCommand } from "./drafts";
import { LockCommand } from "./locks";
import { OthersCardsCommand } from "./cardRights";
import { AnonymousCommand } from "./anonymous";
import { CofacilitatorCommand, type PersonKnown } from "./people";
import { PhaseCommand, type ResyncMessage } from "./phases";
import { TimerCommand } from "./timer";
import { VOTE_REFUSALS, VoteCommand, type VoteMessage } from "./voting";

/**
 * Workshop commands: every control of a workshop (voting, phases, the
 * timer, locks, following, co-facilitators, revealing drafts, anonymity) is a command a client sends as a Hocuspocus stateless message on
 * its board's connection. The server parses it once against this union,
 * asks the policy (`mayCommand`, `policy.ts`) whether the connection's
 * standing (its role, or co-facilitator) may send it, and hands it to its one handler; the outcome is published in
 * the workshop document (`<boardId>/workshop`), which only the server
 * writes. A command it does not carry out is answered with `refused`, to
 * the sender alone.
 */
export const WorkshopCommand = z.discriminatedUnion("type", [
  ...VoteCommand.options,
  PhaseCommand,
  ...TimerCommand.options,
  LockCommand,
  ...FollowCommand.options,
  CofacilitatorCommand,
  DraftsCommand,
  OthersCardsCommand,
  AnonymousCommand,
]);
export type WorkshopCommand = z.infer<typeof WorkshopCommand>;
export type CommandName = WorkshopCommand["type"];
export type CommandOf<K extends CommandName> = Extract<WorkshopCommand, { type: K }>;

/** Every command's name, in the order of the union. */
export const COMMAND_NAMES: readonly CommandName[] = WorkshopCommand.options.map((option) => option.shape.type.value);

export const COMMAND_REFUSALS = {
  ...VOTE_REFUSALS,
  /** Commands travel on the board's connection, not on its workshop document's. */
  wrongDocument: "wrong-document",
  /** Pausing a timer that is not running (none, paused, or run out). */
  timerNotRunning: "timer-not-running",
  /** Resuming a timer that is not paused. */
  timerNotPaused: "timer-not-paused",
  /** Adding time to, or stopping, no timer. */
  noTimer: "no-timer",
  /** A new timer while the timer counts down the open voting round: add time to it, pause or stop it instead. */
  roundTimer: "round-timer",
  /** Locking a journey, stage, lane or card the board does not have. */
  noSuchTarget: "no-such-target",
  /** "Follow me" from a connection that has not said who it is (no presence `user.id`): nobody could find whom to follow. */
  noPresence: "no-presence",
  ...DRAFT_REFUSALS,
} as const;
export type CommandRefusal = (typeof COMMAND_REFUSALS)[keyof typeof COMMAND_REFUSALS];

/** The answer to a command the server did not carry out, sent to its sender alone. */
export interface CommandRefused {
  type: "refused";
  command: CommandName | null;
  requestId: string | null;
  reason: CommandRefusal;
}

/** Every stateless message the server sends on a board's connection. */
export type ServerMessage = VoteMessage | CommandRefused | ResyncMessage | ViewBrought | PersonKnown;

const SERVER_MESSAGE_TYPES = new Set<string>([
  "vote.mine",
  "round.progress",
  "refused",
  "resync",
  "view.brought",
  "person.known",
]);

/** A stateless payload from the server, read once for every part of the client that listens; null for anything else. */
export function parseServerMessage(payload: string): ServerMessage | null {
  try {
    const message = JSON.parse(payload) as { type?: unknown } | null;
    return typeof message?.type === "string" && SERVER_MESSAGE_TYPES.has(message.type)
      ? (message as ServerMessage)
      : null;
  } catch {
    return null;
  }
}
