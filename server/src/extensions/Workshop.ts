import type {
  Extension,
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  onDisconnectPayload,
  onLoadDocumentPayload,
  onStatelessPayload,
} from "@hocuspocus/server";
import { parseDocumentName } from "@journeyboard/shared";
import type { WorkshopSession } from "../workshop/WorkshopSession";

/**
 * The workshop session in Hocuspocus: every stateless message is a
 * workshop command for the session's registry, and a board's workshop
 * document is filled from what is stored when it loads (clients only read
 * it: BoardAccess makes every connection to it read-only).
 */
export class Workshop implements Extension {
  constructor(private readonly session: WorkshopSession) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const { boardId, workshop } = parseDocumentName(documentName);
    if (workshop) await this.session.loaded(boardId, document);
  }

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const { boardId, workshop } = parseDocumentName(documentName);
    if (!workshop) this.session.watchMerges(boardId, document);
  }

  async onStateless({ connection, document, documentName, payload }: onStatelessPayload): Promise<void> {
    await this.session.command(connection, document, payload, parseDocumentName(documentName).workshop);
  }

  async onDisconnect({ documentName }: onDisconnectPayload): Promise<void> {
    const { boardId, workshop } = parseDocumentName(documentName);
    if (!workshop) await this.session.left(boardId);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    const { boardId, workshop } = parseDocumentName(documentName);
    if (!workshop) this.session.unloaded(boardId);
  }

  async onDestroy(): Promise<void> {
    this.session.dispose();
  }
}
