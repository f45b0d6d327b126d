import { z } from "zod";
import type { Role } from "../model/roles";
import { META_ROOT, type RecordRoot } from "../schema/layout";

/**
 * Workshop phases: the facilitator moves the board from one to the next, and
 * each phase says what participants may change (facilitators change
 * anything, viewers nothing). The server enforces it on every update; the
 * app only mirrors it.
 */
export const PHASES = ["open", "diverge", "vote", "discuss", "plan"] as const;
export type Phase = (typeof PHASES)[number];
export const DEFAULT_PHASE: Phase = "open";

/** The part of a board a change touches: a record root, or the board's settings. */
export type BoardArea = RecordRoot | typeof META_ROOT;

/** What participants may change in each phase. */
export const PARTICIPANT_AREAS: Record<Phase, ReadonlySet<BoardArea>> = {
  open: new Set<BoardArea>(["personas", "journeys", "stages", "lanes", "cards", "links", "ratings", "actions"]),
  diverge: new Set<BoardArea>(["cards", "links", "ratings"]),
  vote: new Set<BoardArea>(["ratings"]),
  discuss: new Set<BoardArea>(),
  plan: new Set<BoardArea>(["actions", "links"]),
};

/** One change an update makes: a record (or a field of it) set or deleted. */
export interface BoardChange {
  area: BoardArea;
  /** The record's id; for `meta`, null. */
  record: string | null;
  /** The field; null when the record itself is created or deleted. */
  field: string | null;
  /** The record is created by the same update. */
  created: boolean;
  /** The value the change writes, for the rules that depend on it (fields of a new record). */
  value?: unknown;
}

/**
 * Fields only the facilitator writes, with the value a participant's new
 * record must give them: the plan's priority (a new action goes last), the
 * dots the server counts, and the flag that deletes a stage or lane with
 * its cards.
 */
const FACILITATOR_FIELDS: Partial<
  Record<BoardArea, Record<string, (value: unknown, planEnd: string | null) => boolean>>
> = {
  actions: {
    order: (value, planEnd) => typeof value === "string" && (planEnd === null || value > planEnd),
    dots: (value) => value === 0,
  },
  stages: { deleted: (value) => value === false },
  lanes: { deleted: (value) => value === false },
};

/**
 * Records a participant may delete in one change. More at once (clearing
 * a cell, a snapshot restored) is the facilitator's: one person's slip or
 * malice cannot empty the board.
 */
export const PARTICIPANT_DELETES = 50;

/** Whether someone of this role may delete this many records in one change. */
export const mayDeleteAtOnce = (role: Role, count: number): boolean =>
  role === "facilitator" || count <= PARTICIPANT_DELETES;

/** Records only the facilitator deletes: each takes others with it (a journey its stages, lanes and cards; a stage or lane its cards). */
const FACILITATOR_DELETES = new Set<BoardArea>(["journeys", "stages", "lanes"]);

/**
 * Whether someone of this role may make this change in this phase. No
 * client writes the schema version; only the facilitator changes the
 * board's settings, the plan's priority and the
 * counts from votes, and deletes journeys, stages and lanes (what one
 * update could wipe a board with). `planEnd` is the plan's last order key
 * before the change (null for an empty plan): a participant's new action
 * goes after it.
 */
export function mayChange(role: Role, phase: Phase, change: BoardChange, planEnd: string | null = null): boolean {
  // The server alone migrates a board: a version it does not know would leave the board unloadable.
  if (change.area === META_ROOT && change.field === "schemaVersion") return false;
  if (role === "facilitator") return true;
  if (role === "viewer" || change.area === META_ROOT) return false;
  if (!PARTICIPANT_AREAS[phase].has(change.area)) return false;
  if (change.field === null) return change.created || !FACILITATOR_DELETES.has(change.area);
  const rule = FACILITATOR_FIELDS[change.area]?.[change.field];
  return !rule || (change.created && rule(change.value, planEnd));
}

export const PhaseCommand = z.strictObject({ type: z.literal("phase.set"), phase: z.enum(PHASES) });
export type PhaseCommand = z.infer<typeof PhaseCommand>;

/** The workshop document's map of session state, written by the server only. */
export const WORKSHOP_SESSION = "session";
export const SESSION_PHASE = "phase";
/** When the board's history last gained a snapshot (ms): a history shown on screen reads it again then. */
export const SESSION_HISTORY = "historyAt";

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
} as const;
export type UpdateRefusal = (typeof UPDATE_REFUSALS)[keyof typeof UPDATE_REFUSALS];

/** Sent by the server to the client whose update it refused, as a stateless message. */
export interface ResyncMessage {
  type: "resync";
  reason: UpdateRefusal;
  /** What was wrong, for the log and the notice. */
  detail: string;
}
