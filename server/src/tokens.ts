import { createHash, createHmac, randomBytes } from "node:crypto";
import type { Role } from "@journeyboard/shared";

/**
 * Role tokens are 256-bit random secrets. Only their SHA-256 is stored: with
 * that much entropy a fast hash is enough, and a stolen database opens nothing.
 */
export const newToken = (): string => randomBytes(32).toString("base64url");
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/**
 * The participant or viewer token of a board: an HMAC of the board's
 * facilitator token, the role and the link's generation. Whoever holds the
 * facilitator token can be given the links again from any device, without
 * the server keeping any token it could give away (it still stores only
 * hashes, and needs no key of its own, so every instance derives the same
 * links); a new generation is a new, unrelated token. HMAC-SHA256 keeps
 * the 256 bits, and no link reveals the facilitator token it came from.
 */
export const linkToken = (facilitatorToken: string, role: Role, generation: number): string =>
  createHmac("sha256", facilitatorToken).update(`journeyboard link ${role} ${generation}`).digest("base64url");

/**
 * An invited person's personal link token: an HMAC of the facilitator
 * token, as the shared links are (`linkToken`), over the invite's id and
 * its generation, so the facilitator sees every personal link from any
 * device and a re-issued one is a new, unrelated token.
 */
export const personalToken = (facilitatorToken: string, inviteId: string, generation: number): string =>
  createHmac("sha256", facilitatorToken).update(`journeyboard invite ${inviteId} ${generation}`).digest("base64url");
