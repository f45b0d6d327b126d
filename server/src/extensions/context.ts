import type { Role } from "@journeyboard/shared";
import type { AuthFailure } from "@journeyboard/shared";

/** What a connection is allowed to do, decided once by BoardAccess from its token. */
export interface BoardContext {
  boardId: string;
  role: Role;
}

/** Thrown from a hook to refuse a connection; Hocuspocus sends `reason` to the client. */
export class ConnectionRefused extends Error {
  constructor(readonly reason: AuthFailure) {
    super(reason);
    this.name = "ConnectionRefused";
  }
}
