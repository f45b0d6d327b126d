import type { Extension, onLoadDocumentPayload, onStatelessPayload, onDisconnectPayload } from "@hocuspocus/server";
import { parseDocumentName } from "@journeyboard/shared";
import type { VotingService } from "../voting/VotingService";
import type { PhaseService } from "../workshop/PhaseService";

/** The command a stateless payload carries, if it is one. */
function commandOf(payload: string): { type?: unknown } | null {
  try {
    const value: unknown = JSON.parse(payload);
    return typeof value === "object" && value !== null ? value : null;
  } catch {
    return null;
  }
}

/**
 * The facilitator's workshop tools in Hocuspocus: commands arrive as
 * stateless messages on a board's connection, phase commands for
 * PhaseService, the rest for VotingService (dot voting). A board's
 * workshop document is filled from what is stored when it loads (clients
 * only read it: BoardAccess makes every connection to it read-only).
 */
export class Workshop implements Extension {
  constructor(
    private readonly voting: VotingService,
    private readonly phases: PhaseService,
  ) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const { boardId, workshop } = parseDocumentName(documentName);
    if (!workshop) return;
    this.voting.fillWorkshop(boardId, document);
    this.phases.fillWorkshop(boardId, document);
  }

  async onStateless({ connection, document, documentName, payload }: onStatelessPayload): Promise<void> {
    if (parseDocumentName(documentName).workshop) return;
    const command = commandOf(payload);
    if (typeof command?.type === "string" && command.type.startsWith("phase.")) {
      return this.phases.handle(connection, command);
    }
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
