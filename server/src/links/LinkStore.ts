import type { SharedRole } from "@journeyboard/shared";

/** Where a shared role's link is: its generation (the token is derived from it), and whether it is on. */
export interface LinkRecord {
  generation: number;
  active: boolean;
}

/**
 * The generation of each board's participant and viewer links. A board
 * without a record for a role was created before links were derived (its
 * token was random, and only its hash is kept). Rotating and revoking
 * change the generation and the stored token hash in one transaction, so no
 * moment lets both the old and the new token in. (A new board's first
 * generation is stored with it: `BoardStore.createBoard`.)
 */
export interface LinkStore {
  linkOf(boardId: string, role: SharedRole): Promise<LinkRecord | null>;
  /** A new generation for the role's link, its token's hash (from `hashOf`) the only one that opens the role. */
  rotate(boardId: string, role: SharedRole, hashOf: (generation: number) => string): Promise<number>;
  /** No token opens the role any more, until the link is rotated. */
  revoke(boardId: string, role: SharedRole): Promise<void>;
}
