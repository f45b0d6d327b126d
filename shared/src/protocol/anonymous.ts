import { z } from "zod";

/**
 * An anonymous board: while it is on (the facilitator's or a
 * co-facilitator's `board.anonymous`), cards, pointers, presence, ratings,
 * vote progress and every export show a person's department only, never
 * their name, to everyone including the facilitator; the server refuses a
 * card written meanwhile that carries its author's name and drops the name
 * from presence before anyone receives it. The choice is stored and
 * published in the workshop document (`session.anonymous`).
 */
export const AnonymousCommand = z.strictObject({
  type: z.literal("board.anonymous"),
  anonymous: z.boolean(),
});
export type AnonymousCommand = z.infer<typeof AnonymousCommand>;

/** The workshop session's entry: whether the board is anonymous. */
export const SESSION_ANONYMOUS = "anonymous";

/** Whether the stored or published value says anonymous (anything but `true` is not). */
export const anonymousFrom = (stored: unknown): boolean => stored === true;

/** The name to show of someone on a board: none while it is anonymous. */
export const shownName = (name: string, anonymous: boolean): string => (anonymous ? "" : name);
