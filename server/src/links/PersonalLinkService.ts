import { newId, type InvitedAs, type InvitedPerson, type PersonalLink, type PersonalLinks } from "@journeyboard/shared";
import { hashToken, personalToken } from "../tokens";
import { linkUrl } from "./LinkService";
import type { PersonalLinkStore } from "./PersonalLinkStore";

/** Why a change of the personal links was not made. */
export type PersonalLinksRefusal = "unknown-invite" | "too-many-invites";

/**
 * Personal links, for the facilitator on any device: each invited person's
 * link derived again from the facilitator token the request proves itself
 * with (`personalToken`), never read from storage. Revoking one closes the
 * connections holding it (`disconnect`, on every instance); issuing it
 * again makes a new token (the old one stays refused).
 */
export class PersonalLinkService {
  constructor(
    private readonly store: PersonalLinkStore,
    /** Ends every connection opened with this invite's link. */
    private readonly disconnect: (boardId: string, inviteId: string) => Promise<void>,
    private readonly now: () => number,
    private readonly max: number,
  ) {}

  async linksOf(boardId: string, facilitatorToken: string, base: string): Promise<PersonalLinks> {
    const invites = (await this.store.invitesOf(boardId)).map(({ id, name, department, generation, active }) => {
      const person = { id, name, department };
      if (!active) return { ...person, status: "off" } satisfies PersonalLink;
      const token = personalToken(facilitatorToken, id, generation);
      return { ...person, status: "on", url: linkUrl(base, boardId, token), token } satisfies PersonalLink;
    });
    return { invites };
  }

  /** Who a token names, when it is an invited person's link that is on. */
  async invitedAs(boardId: string, token: string): Promise<InvitedAs | null> {
    const invite = await this.store.inviteFor(boardId, hashToken(token));
    return invite && { name: invite.name, department: invite.department };
  }

  async invite(
    boardId: string,
    people: readonly InvitedPerson[],
    facilitatorToken: string,
  ): Promise<PersonalLinksRefusal | null> {
    const invites = people.map((person) => ({ id: newId(), ...person }));
    const hashOf = (inviteId: string) => hashToken(personalToken(facilitatorToken, inviteId, 1));
    return (await this.store.add(boardId, invites, hashOf, this.max, this.now())) ? null : "too-many-invites";
  }

  async revoke(boardId: string, inviteId: string): Promise<PersonalLinksRefusal | null> {
    if (!(await this.store.revoke(boardId, inviteId))) return "unknown-invite";
    await this.disconnect(boardId, inviteId);
    return null;
  }

  async reissue(boardId: string, inviteId: string, facilitatorToken: string): Promise<PersonalLinksRefusal | null> {
    const hashOf = (generation: number) => hashToken(personalToken(facilitatorToken, inviteId, generation));
    if (!(await this.store.reissue(boardId, inviteId, hashOf))) return "unknown-invite";
    // The link it replaces may have been on: whatever still holds it loses the board as on a revocation.
    await this.disconnect(boardId, inviteId);
    return null;
  }
}
