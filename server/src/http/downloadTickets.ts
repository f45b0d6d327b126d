import { randomBytes } from "node:crypto";
import type { Role } from "@journeyboard/shared";

/** How long a ticket opens its download, and how many may wait unused at once (oldest dropped first). */
export const TICKET_SECONDS = 60;
const MAX_TICKETS = 10_000;

interface Ticket {
  boardId: string;
  role: Role;
  expiresAt: number;
}

/**
 * One-use download tickets: the app asks for one with its token in a
 * header and downloads with `?ticket=`, so the token itself never stands in
 * a URL that proxies' logs or the browser's history keep. A ticket opens
 * one download of its own board, within a minute.
 */
export class DownloadTickets {
  private readonly tickets = new Map<string, Ticket>();

  constructor(private readonly now: () => number) {}

  issue(boardId: string, role: Role): string {
    this.dropExpired();
    if (this.tickets.size >= MAX_TICKETS) this.tickets.delete(this.tickets.keys().next().value as string);
    const ticket = randomBytes(24).toString("base64url");
    this.tickets.set(ticket, { boardId, role, expiresAt: this.now() + TICKET_SECONDS * 1000 });
    return ticket;
  }

  /** The role a ticket gives on a board, once; null when it is unknown, used, expired or another board's. */
  redeem(ticket: string, boardId: string): Role | null {
    const found = this.tickets.get(ticket);
    if (!found || found.boardId !== boardId) return null;
    this.tickets.delete(ticket);
    return found.expiresAt > this.now() ? found.role : null;
  }

  /** Drops the unused tickets of a role on a board: its link was rotated or revoked. */
  forget(boardId: string, role: Role): void {
    for (const [ticket, found] of this.tickets) {
      if (found.boardId === boardId && found.role === role) this.tickets.delete(ticket);
    }
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [ticket, { expiresAt }] of this.tickets) {
      if (expiresAt > now) break;
      this.tickets.delete(ticket);
    }
  }
}
