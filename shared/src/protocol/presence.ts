import { z } from "zod";
import { LIMITS } from "../model/limits";
import { ROLES } from "../model/roles";
import { Id } from "../schema/fields";

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
});
export type PresenceState = z.infer<typeof PresenceState>;

/** The largest awareness message the server takes from a client, in bytes. */
export const MAX_PRESENCE_BYTES = 2048;
