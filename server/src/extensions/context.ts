import type { Role } from "@journeyboard/shared";
import type { AuthFailure } from "@journeyboard/shared";
import type { Invite } from "../links/PersonalLinkStore";

/** What a connection is allowed to do, decided once by BoardAccess from its token. */
export interface BoardContext {
  boardId: string;
  role: Role;
  /**
   * The person's public id (shared `people.ts`), once the connection said
   * its key (`vote.hello`), or from the start for a personal link's
   * (`inviteePersonId`); fixed for the connection's life from then on.
   */
  person: string | null;
  /** Opened with a personal link: the invited person, whose name and department its presence and dots carry. */
  invite: Invite | null;
}

/**
 * Thrown from a hook to refuse a connection; Hocuspocus sends `reason` to
 * the client. It has no message: Hocuspocus prints every hook error's
 * message to the console, and a wrong token is expected, not an error (a
 * stream of them would flood the console).
 */
export class ConnectionRefused extends Error {
  constructor(readonly reason: AuthFailure) {
    super();
    this.name = "ConnectionRefused";
  }
}
