import { z } from "zod";

/**
 * Workshop phases: the facilitator moves the board from one to the next, and
 * each phase says what participants may change (`policy.ts`: facilitators
 * change anything, viewers nothing). The server enforces it on every
 * update; the app only mirrors it. In `draft` everyone writes alone: new
 * cards stay private on their author's device until published
 * (`drafts.ts`).
 */
export const PHASES = ["open", "draft", "diverge", "vote", "discuss", "plan"] as const;
export type Phase = (typeof PHASES)[number];
export const DEFAULT_PHASE: Phase = "open";

export const PhaseCommand = z.strictObject({ type: z.literal("phase.set"), phase: z.enum(PHASES) });
export type PhaseCommand = z.infer<typeof PhaseCommand>;

/** The workshop document's map of session state, written by the server only. */
export const WORKSHOP_SESSION = "session";
export const SESSION_PHASE = "phase";
/** When the board's history last gained a snapshot (ms): a history shown on screen reads it again then. */
export const SESSION_HISTORY = "historyAt";
/** The workshop timer (`TimerState`, `timer.ts`); absent when there is none. */
export const SESSION_TIMER = "timer";

/**
 * Why the server did not take an update. The sender gets a `resync`
 * message: its copy holds a change the board does not, so it starts again
 * from the server's copy.
 */
export const UPDATE_REFUSALS = {
  /** The bytes are not a Yjs update. */
  malformed: "malformed",
  /** It builds on changes the server does not have. */
  unresolvable: "unresolvable",
  /** It writes outside the board's document layout. */
  layout: "layout",
  /** A value breaks its record's rules (e.g. a card text over the limit). */
  invalid: "invalid",
  /** The board would grow past its size limit. */
  boardFull: "board-full",
  /** The role or the phase does not allow it. */
  forbidden: "forbidden",
  /** It changes locked content (`locks.ts`), and the sender is not a facilitator. */
  locked: "locked",
  /** It changes someone else's card where the phase keeps participants to their own (`cardRights.ts`). */
  othersCard: "others-card",
  /** It writes a card's author name while the board is anonymous (`anonymous.ts`). */
  anonymous: "anonymous",
} as const;
export type UpdateRefusal = (typeof UPDATE_REFUSALS)[keyof typeof UPDATE_REFUSALS];

/** Sent by the server to the client whose update it refused, as a stateless message. */
export interface ResyncMessage {
  type: "resync";
  reason: UpdateRefusal;
  /** What was wrong, for the log and the notice. */
  detail: string;
}

/** A phase as the workshop document holds it: anything this version does not know reads as the default. */
export const readPhase = (value: unknown): Phase =>
  (PHASES as readonly unknown[]).includes(value) ? (value as Phase) : DEFAULT_PHASE;
