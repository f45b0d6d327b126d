import type { Role } from "../model/roles";
import { META_ROOT, type RecordRoot } from "../schema/layout";
import type { CommandName } from "./commands";
import { isDrafting } from "./drafts";
import type { Phase } from "./phases";

/**
 * What someone may do in a phase: the one policy the server's guard and
 * command registry enforce and the client reads to offer only what the
 * server allows. Two kinds of act: changes to the board document
 * (`mayChange`, checked on every update) and workshop commands
 * (`mayCommand`, checked on every stateless message).
 */

/**
 * Where someone stands in the workshop: their link's role, or a
 * participant the facilitator made a co-facilitator (`people.ts`).
 */
export type Standing = Role | "cofacilitator";

/** A connection's standing: its role, raised to co-facilitator for a participant the facilitator named. */
export const standingOf = (role: Role, cofacilitator: boolean): Standing =>
  role === "participant" && cofacilitator ? "cofacilitator" : role;

/**
 * Whether someone runs the workshop: the facilitator and co-facilitators
 * change what locks hold and what the phase sets, and delete in bulk.
 */
export const runsWorkshop = (who: Standing): boolean => who === "facilitator" || who === "cofacilitator";

const RUNNERS = ["facilitator", "cofacilitator"] as const;
const VOTERS = ["facilitator", "cofacilitator", "participant"] as const;

/**
 * Who may send each workshop command. Running the workshop (rounds, phase,
 * timer, locks) is the facilitator's and co-facilitators'; who is a
 * co-facilitator is the facilitator's alone, as the links are (held by the
 * facilitator's token, which a co-facilitator does not have).
 */
const COMMAND_SENDERS: Record<CommandName, readonly Standing[]> = {
  "vote.hello": VOTERS,
  "vote.add": VOTERS,
  "vote.remove": VOTERS,
  "round.start": RUNNERS,
  "round.close": RUNNERS,
  "round.reveal": RUNNERS,
  "phase.set": RUNNERS,
  "timer.start": RUNNERS,
  "timer.pause": RUNNERS,
  "timer.resume": RUNNERS,
  "timer.add": RUNNERS,
  "timer.stop": RUNNERS,
  "lock.set": RUNNERS,
  "cofacilitator.set": ["facilitator"],
  "view.bring": RUNNERS,
  "follow.start": RUNNERS,
  "follow.stop": RUNNERS,
  "drafts.reveal": RUNNERS,
  "cards.others": RUNNERS,
  "board.anonymous": RUNNERS,
};

/** Whether someone of this standing may send this command (in any phase: voting is bounded by its round, not the phase). */
export const mayCommand = (who: Standing, command: CommandName): boolean => COMMAND_SENDERS[command].includes(who);

/**
 * Whether someone may change this card (its text, place, content, or
 * delete it) as far as its author goes (`cardRights.ts`): those who run
 * the workshop always; a participant their own card, or anyone's in a
 * phase open to others' cards. The phase and locks decide the rest.
 */
export function mayChangeCardOf(who: Standing, person: string | null, authorId: unknown, othersOpen: boolean): boolean {
  return runsWorkshop(who) || othersOpen || (person !== null && authorId === person);
}

/** The part of a board a change touches: a record root, or the board's settings. */
export type BoardArea = RecordRoot | typeof META_ROOT;

/** What participants may change in each phase. */
export const PARTICIPANT_AREAS: Record<Phase, ReadonlySet<BoardArea>> = {
  open: new Set<BoardArea>(["personas", "journeys", "stages", "lanes", "cards", "links", "ratings", "actions"]),
  // Drafts are published as ordinary cards, by their authors, in the phase they were written in.
  draft: new Set<BoardArea>(["cards", "links", "ratings"]),
  diverge: new Set<BoardArea>(["cards", "links", "ratings"]),
  vote: new Set<BoardArea>(["ratings"]),
  discuss: new Set<BoardArea>(),
  plan: new Set<BoardArea>(["actions", "links"]),
};

/**
 * Whether the workshop may move from `from` to `to`: leaving the drafting
 * phase reveals every draft, so it goes only to a phase where participants
 * add cards, or the drafts could not be published.
 */
export const mayMoveTo = (from: Phase, to: Phase): boolean =>
  !isDrafting(from) || isDrafting(to) || PARTICIPANT_AREAS[to].has("cards");

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
 * Whether someone of this standing merges cards and restores the originals
 * of a merged card (`ops/merges.ts`, a card's `mergedInto`), in any phase:
 * no phase is for converging, so those who run the workshop do it. The
 * server's guard refuses anyone else's write of `mergedInto` but null on a
 * new card (deleting a card deletes the field with it).
 */
export const mayMerge = (who: Standing): boolean => runsWorkshop(who);

/**
 * Records a participant may delete in one change. More at once (clearing
 * a cell, a snapshot restored) is the facilitator's: one person's slip or
 * malice cannot empty the board.
 */
export const PARTICIPANT_DELETES = 50;

/** Whether someone of this standing may delete this many records in one change. */
export const mayDeleteAtOnce = (who: Standing, count: number): boolean =>
  runsWorkshop(who) || count <= PARTICIPANT_DELETES;

/** Records only the facilitator deletes: each takes others with it (a journey its stages, lanes and cards; a stage or lane its cards). */
const FACILITATOR_DELETES = new Set<BoardArea>(["journeys", "stages", "lanes"]);

/**
 * Whether someone of this standing may make this change in this phase. No
 * client writes the schema version; only the facilitator changes the
 * board's settings (its language, title and timeline: the board's, not the
 * workshop's); only those who run the workshop change the plan's priority
 * and the counts from votes, change content whatever the phase, and delete
 * journeys, stages and lanes (what one update could wipe a board with).
 * `planEnd` is the plan's last order key before the change (null for an
 * empty plan): a participant's new action goes after it.
 */
export function mayChange(who: Standing, phase: Phase, change: BoardChange, planEnd: string | null = null): boolean {
  // The server alone migrates a board: a version it does not know would leave the board unloadable.
  if (change.area === META_ROOT && change.field === "schemaVersion") return false;
  if (who === "facilitator") return true;
  if (who === "viewer" || change.area === META_ROOT) return false;
  if (who === "cofacilitator") return true;
  if (!PARTICIPANT_AREAS[phase].has(change.area)) return false;
  if (change.field === null) return change.created || !FACILITATOR_DELETES.has(change.area);
  const rule = FACILITATOR_FIELDS[change.area]?.[change.field];
  return !rule || (change.created && rule(change.value, planEnd));
}
