import { z } from "zod";
import { PersonId } from "../schema/fields";

/**
 * People and their rights on a board. A link gives a connection its role;
 * a person is a browser's own secret key, said once per connection
 * (`vote.hello`, `voting.ts`), which the server hashes with the board's id
 * into the person's public id. The server tells the connection that id
 * (`person.known`) and stamps it on the connection's presence
 * (`user.personId`), so the facilitator can name a person in a command
 * without anyone learning the key that proves being them.
 *
 * The facilitator makes a participant a co-facilitator by that id, and
 * takes it back (`cofacilitator.set`, the facilitator's alone). The server
 * keeps co-facilitators in its store, reads them at every command and
 * update (`standingOf`, `policy.ts`), and publishes them in the workshop
 * document (`session.cofacilitators`, sorted person ids).
 */

export const CofacilitatorCommand = z.strictObject({
  type: z.literal("cofacilitator.set"),
  personId: PersonId,
  granted: z.boolean(),
});
export type CofacilitatorCommand = z.infer<typeof CofacilitatorCommand>;

/** The workshop session's entry listing the co-facilitators' person ids, sorted. */
export const SESSION_COFACILITATORS = "cofacilitators";

/** Who the server knows this connection as, answered to its `vote.hello`. */
export interface PersonKnown {
  type: "person.known";
  personId: string;
}

/** The co-facilitators the workshop document lists, read defensively (anything else counts as none). */
export function readCofacilitators(value: unknown): ReadonlySet<string> {
  return new Set(Array.isArray(value) ? value.filter((id): id is string => PersonId.safeParse(id).success) : []);
}
