import type pg from "pg";
import type { Role } from "@journeyboard/shared";
import type { TicketStore } from "../http/TicketStore";
import { inTransaction } from "./pg";

/** The unused download tickets, in `download_tickets`. */
export class PgTicketStore implements TicketStore {
  constructor(private readonly pool: pg.Pool) {}

  async issue(ticketHash: string, boardId: string, role: Role, expiresAt: number, now: number, perBoard: number) {
    await inTransaction(this.pool, async (client) => {
      await client.query(`DELETE FROM download_tickets WHERE expires_at <= $1`, [now]);
      await client.query(
        `DELETE FROM download_tickets WHERE ticket_hash IN
           (SELECT ticket_hash FROM download_tickets WHERE board_id = $1 ORDER BY expires_at DESC OFFSET $2)`,
        [boardId, perBoard - 1],
      );
      await client.query(
        `INSERT INTO download_tickets (ticket_hash, board_id, role, expires_at) VALUES ($1, $2, $3, $4)`,
        [ticketHash, boardId, role, expiresAt],
      );
    });
  }

  async redeem(ticketHash: string, boardId: string, now: number): Promise<Role | null> {
    const { rows } = await this.pool.query<{ role: Role; expires_at: number }>(
      `DELETE FROM download_tickets WHERE ticket_hash = $1 AND board_id = $2 RETURNING role, expires_at`,
      [ticketHash, boardId],
    );
    const taken = rows[0];
    return taken && taken.expires_at > now ? taken.role : null;
  }

  async forget(boardId: string, role: Role): Promise<void> {
    await this.pool.query(`DELETE FROM download_tickets WHERE board_id = $1 AND role = $2`, [boardId, role]);
  }
}
