import { z } from "zod";
import { LIMITS } from "../model/limits";

/**
 * Personal links: the facilitator invites people by name and department,
 * and each gets a participant link of their own. A connection opened with
 * one is that person whatever browser holds it: its person id, name and
 * department are the invite's, so their dots count once however many
 * browsers they open.
 */

/** The most people one board invites. */
export const MAX_INVITES = 500;

/** One invited person as the facilitator names them. */
export const InvitedPerson = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.displayName),
  department: z.string().trim().min(1).max(LIMITS.department),
});
export type InvitedPerson = z.infer<typeof InvitedPerson>;

/** `POST /api/boards/:id/personal-links`: people to invite, added after those already invited. */
export const InviteRequest = z.strictObject({
  people: z.array(InvitedPerson).min(1).max(MAX_INVITES),
});
export type InviteRequest = z.infer<typeof InviteRequest>;

/** An invited person's link as the facilitator sees it: working, with its address, or revoked. */
export type PersonalLink = { id: string; name: string; department: string } & (
  { status: "on"; url: string; token: string } | { status: "off" }
);

/** Answer of every personal-links route (the facilitator's token only): everyone invited, in the order they were. */
export interface PersonalLinks {
  invites: PersonalLink[];
}

/** Who a personal link names, told to the browser that opens it (`BoardSession.invite`). */
export interface InvitedAs {
  name: string;
  department: string;
}
