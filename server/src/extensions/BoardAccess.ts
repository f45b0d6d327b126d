import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { AUTH_FAILURES, SCHEMA_PARAM, SCHEMA_VERSION } from "@journeyboard/shared";
import type { BoardStore } from "../storage/BoardStore";
import { hashToken } from "../tokens";
import { ConnectionRefused, type BoardContext } from "./context";

/**
 * Decides the role of a connection from its token, for the board named by
 * the document and no other. Viewers get a read-only connection: Hocuspocus
 * then refuses their document updates on the server, whatever they send.
 */
export class BoardAccess implements Extension {
  constructor(private readonly store: BoardStore) {}

  async onAuthenticate({
    token,
    documentName,
    requestParameters,
    connectionConfig,
  }: onAuthenticatePayload): Promise<BoardContext> {
    const clientSchema = requestParameters.get(SCHEMA_PARAM);
    if (clientSchema !== null && Number(clientSchema) < SCHEMA_VERSION) {
      throw new ConnectionRefused(AUTH_FAILURES.clientOutdated);
    }
    if (!this.store.boardExists(documentName)) throw new ConnectionRefused(AUTH_FAILURES.unknownBoard);
    const role = token ? this.store.roleForTokenHash(documentName, hashToken(token)) : null;
    if (!role) throw new ConnectionRefused(AUTH_FAILURES.badToken);
    connectionConfig.readOnly = role === "viewer";
    return { boardId: documentName, role };
  }
}
