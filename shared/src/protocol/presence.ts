import { z } from "zod";
import { LIMITS } from "../model/limits";
import { ROLES } from "../model/roles";
import { MAX_DRAFT_COUNT } from "./drafts";
import { Id, PersonId } from "../schema/fields";
import { RECORD_ROOTS } from "../schema/layout";

const StructId = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });

/**
 * Where someone's caret is in a text field, as a Yjs relative position: the
 * character it keeps to (`item`; with `assoc` -1 the one before it), so it
 * stays beside the same character while others type elsewhere.
 */
export const TextCaret = z.object({
  root: z.enum(RECORD_ROOTS),
  record: Id,
  field: z.string().max(32),
  item: StructId.nullable(),
  assoc: z.number().int().min(-1).max(0),
});
export type TextCaret = z.infer<typeof TextCaret>;

const Coordinate = z.number().finite().min(-1e7).max(1e7);
/** A size in world units: never below one, so fitting it to a screen never divides by nothing. */
const Extent = z.number().finite().min(1).max(1e7);

/** The part of a journey someone has on screen, in world units (followers fit it to their screen, `follow.ts`). */
export const ViewArea = z.object({
  journeyId: Id,
  x: Coordinate,
  y: Coordinate,
  width: Extent,
  height: Extent,
});
export type ViewArea = z.infer<typeof ViewArea>;

/**
 * What each person shares about themselves through Yjs awareness: who they
 * are (`user.id`: random, kept by their browser, the same across reloads),
 * where their pointer is on the board (world coordinates), which card they
 * are typing in, how many private drafts they hold, what they have on screen (`view`, which those following
 * them fit to their own screen, `follow.ts`) and whom they follow
 * (`following`, a `user.id`). The server drops fields it does not know and
 * stamps `user.role` from the connection's token and `user.personId` from
 * the key it said (a personal link's: the invited person's id, name and
 * department), so nobody shows up as a facilitator, or as someone
 * else, without being one, nor leads those who follow the facilitator.
 */
export const PresenceState = z.object({
  user: z
    .object({
      id: Id.optional(),
      name: z.string().max(LIMITS.displayName),
      department: z.string().max(LIMITS.department),
      colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
      role: z.enum(ROLES).optional(),
      /** The person's public id (`people.ts`), stamped by the server once the connection said who it is. */
      personId: PersonId.optional(),
    })
    .optional(),
  cursor: z.object({ x: Coordinate, y: Coordinate }).nullable().optional(),
  editing: Id.nullable().optional(),
  caret: TextCaret.nullable().optional(),
  view: ViewArea.nullable().optional(),
  following: Id.nullable().optional(),
  /** How many private drafts this person holds: a count the facilitator sees, never their text. */
  drafts: z.number().int().min(0).max(MAX_DRAFT_COUNT).optional(),
});
export type PresenceState = z.infer<typeof PresenceState>;

/** The largest awareness message the server takes from a client, in bytes. */
export const MAX_PRESENCE_BYTES = 2048;

/**
 * The server sends a board's presence in batches at most this often (so
 * about 10 a second): pointer moves a client sends faster than this are
 * replaced by the next before anyone sees them.
 */
export const PRESENCE_BATCH_MS = 100;
