import type Database from "better-sqlite3";
import type { Role } from "@journeyboard/shared";
import type { TicketStore } from "../http/TicketStore";

/** The unused download tickets, in `download_tickets`. */
export class SqliteTicketStore implements TicketStore {
  private readonly dropExpired: Database.Statement;
  private readonly dropOldest: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly take: Database.Statement;
  private readonly dropRole: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.dropExpired = db.prepare(`DELETE FROM download_tickets WHERE expires_at <= ?`);
    this.dropOldest = db.prepare(
      `DELETE FROM download_tickets WHERE ticket_hash IN
         (SELECT ticket_hash FROM download_tickets WHERE board_id = ? ORDER BY expires_at DESC LIMIT -1 OFFSET ?)`,
    );
    this.insert = db.prepare(
      `INSERT INTO download_tickets (ticket_hash, board_id, role, expires_at) VALUES (?, ?, ?, ?)`,
    );
    this.take = db.prepare(
      `DELETE FROM download_tickets WHERE ticket_hash = ? AND board_id = ? RETURNING role, expires_at AS expiresAt`,
    );
    this.dropRole = db.prepare(`DELETE FROM download_tickets WHERE board_id = ? AND role = ?`);
  }

  async issue(ticketHash: string, boardId: string, role: Role, expiresAt: number, now: number, perBoard: number) {
    this.db.transaction(() => {
      this.dropExpired.run(now);
      this.dropOldest.run(boardId, perBoard - 1);
      this.insert.run(ticketHash, boardId, role, expiresAt);
    })();
  }

  async redeem(ticketHash: string, boardId: string, now: number): Promise<Role | null> {
    const taken = this.take.get(ticketHash, boardId) as { role: Role; expiresAt: number } | undefined;
    return taken && taken.expiresAt > now ? taken.role : null;
  }

  async forget(boardId: string, role: Role): Promise<void> {
    this.dropRole.run(boardId, role);
  }
}
