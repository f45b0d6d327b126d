import type { Extension, afterLoadDocumentPayload } from "@hocuspocus/server";
import type * as Y from "yjs";
import { orphansAfter, recordsOf, serverOrigin } from "@journeyboard/shared";

const fromConnection = (origin: unknown): boolean =>
  typeof origin === "object" && origin !== null && (origin as { source?: unknown }).source === "connection";

/**
 * Clients repair what their own edits break; what two clients break at the
 * same moment (a card dropped into a stage being deleted) only the server
 * sees. After each client update it deletes the cards left without a live
 * stage or lane, checking only what the update touched.
 */
export class BoardInvariants implements Extension {
  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    document.on("afterTransaction", (transaction: Y.Transaction) => {
      if (!fromConnection(transaction.origin)) return;
      const orphans = orphansAfter(document, transaction);
      if (!orphans.length) return;
      document.transact(() => {
        const cards = recordsOf(document, "cards");
        for (const id of orphans) cards.delete(id);
      }, serverOrigin("repair"));
    });
  }
}
