import type { Role } from "@journeyboard/shared";

/**
 * The unused download tickets, kept in the board database (by hash, never
 * the ticket itself) so that a ticket asked for on one instance opens its
 * download on any other.
 */
export interface TicketStore {
  /**
   * Keeps a ticket until `expiresAt`, first dropping the expired ones and,
   * past `perBoard` unused tickets of its board, the oldest of them.
   */
  issue(
    ticketHash: string,
    boardId: string,
    role: Role,
    expiresAt: number,
    now: number,
    perBoard: number,
  ): Promise<void>;
  /** Takes a ticket of this board, once: its role while it is valid, null when unknown, used, expired or another board's. */
  redeem(ticketHash: string, boardId: string, now: number): Promise<Role | null>;
  /** Drops every unused ticket of a role on a board. */
  forget(boardId: string, role: Role): Promise<void>;
}
