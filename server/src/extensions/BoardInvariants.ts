import type { Extension, afterLoadDocumentPayload } from "@hocuspocus/server";
import type * as Y from "yjs";
import { needsRepair, parseDocumentName, repairAfter, serverOrigin } from "@journeyboard/shared";

const fromConnection = (origin: unknown): boolean =>
  typeof origin === "object" && origin !== null && (origin as { source?: unknown }).source === "connection";

/**
 * Clients repair what their own edits break; what two clients break at the
 * same moment (a card dropped into a stage being deleted) only the server
 * sees. After each client update it repairs (shared/src/repair.ts) what the
 * update touched: orphan cards, incomplete records.
 */
export class BoardInvariants implements Extension {
  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    if (parseDocumentName(documentName).workshop) return;
    document.on("afterTransaction", (transaction: Y.Transaction) => {
      if (!fromConnection(transaction.origin) || !needsRepair(document, transaction)) return;
      const changed = transaction.changed;
      document.transact(() => repairAfter(document, changed), serverOrigin("repair"));
    });
  }
}
