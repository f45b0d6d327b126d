import { randomBytes } from "node:crypto";
import type { Role } from "@journeyboard/shared";
import { hashToken } from "../tokens";
import type { TicketStore } from "./TicketStore";

/** How long a ticket opens its download, and how many may wait unused on one board (oldest dropped first). */
export const TICKET_SECONDS = 60;
const TICKETS_PER_BOARD = 1_000;

/**
 * One-use download tickets: the app asks for one with its token in a
 * header and downloads with `?ticket=`, so the token itself never stands in
 * a URL that proxies' logs or the browser's history keep. A ticket opens
 * one download of its own board, within a minute, on whichever instance
 * answers it.
 */
export class DownloadTickets {
  constructor(
    private readonly store: TicketStore,
    private readonly now: () => number,
  ) {}

  async issue(boardId: string, role: Role): Promise<string> {
    const ticket = randomBytes(24).toString("base64url");
    const now = this.now();
    await this.store.issue(hashToken(ticket), boardId, role, now + TICKET_SECONDS * 1000, now, TICKETS_PER_BOARD);
    return ticket;
  }

  /** The role a ticket gives on a board, once; null when it is unknown, used, expired or another board's. */
  redeem(ticket: string, boardId: string): Promise<Role | null> {
    return this.store.redeem(hashToken(ticket), boardId, this.now());
  }

  /** Drops the unused tickets of a role on a board: its link was rotated or revoked. */
  forget(boardId: string, role: Role): Promise<void> {
    return this.store.forget(boardId, role);
  }
}
