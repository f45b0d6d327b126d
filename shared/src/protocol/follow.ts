import { z } from "zod";
import { Id } from "../schema/fields";
import { ViewArea } from "./presence";

/**
 * Following: the facilitator brings everyone to what they show ("bring
 * everyone here", once) or asks everyone to follow them ("follow me", until
 * each breaks away or the facilitator stops). What someone shows travels in
 * their presence (`PresenceState.view`: a journey and the world area on
 * their screen), so each follower fits that area to their own screen. The
 * server holds who leads (the workshop document's `session.follow`,
 * `FollowState`, from its store), so a follower who reloads or reconnects
 * follows again; a person is named by their presence `user.id`, the same
 * across their reloads.
 */

export const FollowCommand = z.discriminatedUnion("type", [
  /** Moves every other view of the board to this area, once: each person stays free to move on. */
  z.strictObject({ type: z.literal("view.bring"), view: ViewArea }),
  /** Asks everyone to follow the sender (by their presence id) until they break away. */
  z.strictObject({ type: z.literal("follow.start") }),
  z.strictObject({ type: z.literal("follow.stop") }),
]);
export type FollowCommand = z.infer<typeof FollowCommand>;

/** Who everyone follows: the presence `user.id` of the facilitator who asked, and since when (server clock, ms). */
export const FollowState = z.strictObject({ leader: Id, since: z.number().int().nonnegative() });
export type FollowState = z.infer<typeof FollowState>;

/** The workshop session's entry holding `FollowState`; absent while nobody asks to be followed. */
export const SESSION_FOLLOW = "follow";

/** What the server sends every other connection of the board when the facilitator brings everyone to their view. */
export interface ViewBrought {
  type: "view.brought";
  view: ViewArea;
  /** The presence id of who brought them, or null when the sender had no presence. */
  by: string | null;
}
