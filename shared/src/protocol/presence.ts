import { z } from "zod";
import { LIMITS } from "../model/limits";
import { ROLES } from "../model/roles";
import { Id } from "../schema/fields";
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

/**
 * What each person shares about themselves through Yjs awareness: who they
 * are, where their pointer is on the board (world coordinates) and which
 * card they are typing in. The server drops fields it does not know and
 * stamps `user.role` from the connection's token, so nobody shows up as a
 * facilitator without being one.
 */
export const PresenceState = z.object({
  user: z
    .object({
      name: z.string().max(LIMITS.displayName),
      department: z.string().max(LIMITS.department),
      colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
      role: z.enum(ROLES).optional(),
    })
    .optional(),
  cursor: z.object({ x: Coordinate, y: Coordinate }).nullable().optional(),
  editing: Id.nullable().optional(),
  caret: TextCaret.nullable().optional(),
});
export type PresenceState = z.infer<typeof PresenceState>;

/** The largest awareness message the server takes from a client, in bytes. */
export const MAX_PRESENCE_BYTES = 2048;
