import type { Extension, onLoadDocumentPayload, onStatelessPayload, onDisconnectPayload } from "@hocuspocus/server";
import { parseDocumentName } from "@journeyboard/shared";
import type { VotingService } from "../voting/VotingService";

/**
 * Dot voting in Hocuspocus: commands arrive as stateless messages on a
 * board's connection; a board's workshop document is filled from the stored
 * rounds when it loads (clients only read it: BoardAccess makes every
 * connection to it read-only).
 */
export class Voting implements Extension {
  constructor(private readonly voting: VotingService) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const { boardId, workshop } = parseDocumentName(documentName);
    if (workshop) this.voting.fillWorkshop(boardId, document);
  }

  async onStateless({ connection, document, documentName, payload }: onStatelessPayload): Promise<void> {
    if (parseDocumentName(documentName).workshop) return;
    await this.voting.handle(connection, document, payload);
  }

  async onDisconnect({ documentName }: onDisconnectPayload): Promise<void> {
    const { boardId, workshop } = parseDocumentName(documentName);
    if (!workshop) this.voting.progressOfOpenRound(boardId);
  }

  async onDestroy(): Promise<void> {
    this.voting.dispose();
  }
}
