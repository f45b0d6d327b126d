import {
  SHARED_ROLES,
  TOKEN_FRAGMENT,
  boardPath,
  type BoardLinks,
  type LinkState,
  type SharedRole,
} from "@journeyboard/shared";
import type { BoardStore } from "../storage/BoardStore";
import { hashToken, linkToken } from "../tokens";
import type { LinkStore } from "./LinkStore";

/** A role's link on a board: its address with the token in the fragment. */
export const linkUrl = (base: string, boardId: string, token: string): string =>
  `${base}${boardPath(boardId)}#${TOKEN_FRAGMENT}=${token}`;

/**
 * The participant and viewer links, for the facilitator on any device:
 * derived again from the facilitator token the request proves itself with
 * (`linkToken`), never read from storage. Rotating makes a new generation
 * (the old token stops opening the board at once) and revoking turns the
 * role off; either way the connections holding the old token are closed
 * (`disconnect`) and its unused download tickets dropped.
 */
export class LinkService {
  constructor(
    private readonly store: BoardStore,
    private readonly links: LinkStore,
    /** Ends every connection (and download ticket) of this role on this board. */
    private readonly disconnect: (boardId: string, role: SharedRole) => Promise<void>,
  ) {}

  async linksOf(boardId: string, facilitatorToken: string, base: string): Promise<BoardLinks> {
    const entries = await Promise.all(
      SHARED_ROLES.map(async (role) => [role, await this.stateOf(boardId, role, facilitatorToken, base)]),
    );
    return Object.fromEntries(entries) as BoardLinks;
  }

  async rotate(boardId: string, role: SharedRole, facilitatorToken: string): Promise<void> {
    await this.links.rotate(boardId, role, (generation) => hashToken(linkToken(facilitatorToken, role, generation)));
    await this.disconnect(boardId, role);
  }

  async revoke(boardId: string, role: SharedRole): Promise<void> {
    await this.links.revoke(boardId, role);
    await this.disconnect(boardId, role);
  }

  private async stateOf(boardId: string, role: SharedRole, facilitatorToken: string, base: string): Promise<LinkState> {
    const link = await this.links.linkOf(boardId, role);
    if (link && !link.active) return { status: "off" };
    if (!link) return { status: "unknown" };
    const token = linkToken(facilitatorToken, role, link.generation);
    // A derived token the store does not hold would be a link that opens nothing: say it cannot be shown instead.
    if ((await this.store.roleForTokenHash(boardId, hashToken(token))) !== role) return { status: "unknown" };
    return { status: "on", url: linkUrl(base, boardId, token), token };
  }
}
