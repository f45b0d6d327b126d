/** An invited person, as a personal link names them. */
export interface Invite {
  id: string;
  name: string;
  department: string;
}

/** An invite as stored: its link's generation (its token is derived from it) and whether the link is on. */
export interface InviteRecord extends Invite {
  generation: number;
  active: boolean;
}

/**
 * Each board's invited people (`board_personal_links`), in the order they
 * were invited, with the hash of their link's token: no token is kept, only
 * what it takes to derive it again from the facilitator's (`personalToken`).
 * Revoking clears the hash, so the token opens nothing from that moment.
 */
export interface PersonalLinkStore {
  invitesOf(boardId: string): Promise<InviteRecord[]>;
  /** The invite whose link has this token hash, while it is on. */
  inviteFor(boardId: string, tokenHash: string): Promise<Invite | null>;
  /**
   * Adds people after those invited already, each at generation 1 with its
   * token's hash (from `hashOf`), in one transaction; false, adding nobody,
   * when the board would then hold more than `max`.
   */
  add(
    boardId: string,
    invites: readonly Invite[],
    hashOf: (inviteId: string) => string,
    max: number,
    at: number,
  ): Promise<boolean>;
  /** The invite's link stops opening the board; false for an invite the board does not have. */
  revoke(boardId: string, inviteId: string): Promise<boolean>;
  /** A new generation for the invite's link, its token's hash the only one that opens it; false for an unknown invite. */
  reissue(boardId: string, inviteId: string, hashOf: (generation: number) => string): Promise<boolean>;
}
