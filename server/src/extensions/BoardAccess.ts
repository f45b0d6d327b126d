import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { AUTH_FAILURES, SCHEMA_PARAM, SCHEMA_VERSION, parseDocumentName } from "@journeyboard/shared";
import type { PersonalLinkStore } from "../links/PersonalLinkStore";
import type { BoardStore } from "../storage/BoardStore";
import { inviteePersonId } from "../workshop/PeopleService";
import { countRefusal } from "../metrics";
import { hashToken } from "../tokens";
import { ConnectionRefused, type BoardContext } from "./context";
import type { GateContext } from "./Gate";

/**
 * Decides the role of a connection from its token, for the board named by
 * the document and no other; a personal link's is a participant who is the
 * invited person from the start. Viewers get a read-only connection: Hocuspocus
 * then refuses their document updates on the server, whatever they send.
 * Every connection to a board's workshop document is read-only.
 */
export class BoardAccess implements Extension {
  constructor(
    private readonly store: BoardStore,
    private readonly personalLinks: PersonalLinkStore,
    /** Whether the server holds this board, or has room to load it (an idle board may give its place). */
    private readonly hasRoomFor: (boardId: string) => Promise<boolean>,
  ) {}

  async onAuthenticate(payload: onAuthenticatePayload): Promise<BoardContext> {
    try {
      return await this.authenticate(payload);
    } catch (error) {
      if (error instanceof ConnectionRefused) countRefusal("connection", error.reason);
      // Hocuspocus answers any error here as a refusal, which a provider takes as final: a store that failed
      // to answer closes the socket instead, and the client reconnects until the store answers again.
      else (payload.context as GateContext).gate?.storageUnavailable();
      throw error;
    }
  }

  private async authenticate({
    token,
    documentName,
    requestParameters,
    connectionConfig,
  }: onAuthenticatePayload): Promise<BoardContext> {
    const clientSchema = requestParameters.get(SCHEMA_PARAM);
    if (clientSchema !== null && Number(clientSchema) < SCHEMA_VERSION) {
      throw new ConnectionRefused(AUTH_FAILURES.clientOutdated);
    }
    const { boardId, workshop } = parseDocumentName(documentName);
    if (!(await this.store.boardExists(boardId))) throw new ConnectionRefused(AUTH_FAILURES.unknownBoard);
    const tokenHash = token ? hashToken(token) : null;
    const role = tokenHash ? await this.store.roleForTokenHash(boardId, tokenHash) : null;
    if (!tokenHash || !role) throw new ConnectionRefused(AUTH_FAILURES.badToken);
    const invite = role === "participant" ? await this.personalLinks.inviteFor(boardId, tokenHash) : null;
    if (!(await this.hasRoomFor(boardId))) throw new ConnectionRefused(AUTH_FAILURES.serverFull);
    // Only the server writes the workshop document (voting rounds and results).
    connectionConfig.readOnly = workshop || role === "viewer";
    return { boardId, role, person: invite && inviteePersonId(boardId, invite.id), invite };
  }
}
