import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from "@hocuspocus/server";
import * as Y from "yjs";
import { AUTH_FAILURES, migrateBoard, parseDocumentName, schemaVersionOf } from "@journeyboard/shared";
import type { Logger } from "../logger";
import type { BoardStore } from "../storage/BoardStore";
import { applyStored } from "../storage/storedBoard";
import { ConnectionRefused } from "./context";

export interface BoardPersistenceConfig {
  /** Fold the update log into a snapshot once it holds this many updates... */
  compactAfterUpdates: number;
  /** ...or this many bytes. */
  compactAfterBytes: number;
}

const defaults: BoardPersistenceConfig = { compactAfterUpdates: 500, compactAfterBytes: 1 << 20 };

/**
 * Loads a board from its snapshot and update log, migrates it before any
 * client syncs, and appends every later update to the log synchronously, as
 * the update is applied: Hocuspocus acknowledges an update only after
 * applying it, so an acknowledged update is already on disk.
 * A board that fails to load is refused and its stored data left untouched.
 * Workshop documents are not stored: Workshop rebuilds them from the rounds and the phase.
 */
export class BoardPersistence implements Extension {
  private readonly config: BoardPersistenceConfig;

  constructor(
    private readonly store: BoardStore,
    private readonly logger: Logger,
    config: Partial<BoardPersistenceConfig> = {},
  ) {
    this.config = { ...defaults, ...config };
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    if (parseDocumentName(documentName).workshop) return;
    const stored = this.store.loadBoard(documentName);
    if (!stored) throw new ConnectionRefused(AUTH_FAILURES.unknownBoard);
    try {
      applyStored(document, stored);
      if (schemaVersionOf(document) === undefined) throw new Error("stored board has no schema version");
    } catch (error) {
      this.logger.error({ err: error, board: documentName }, "board failed to load; stored data left as it was");
      throw new ConnectionRefused(AUTH_FAILURES.boardUnavailable);
    }
    document.on("update", (update: Uint8Array) => this.store.appendUpdate(documentName, update));
    try {
      const applied = migrateBoard(document);
      if (applied.length) this.logger.info({ board: documentName, applied }, "board migrated");
    } catch (error) {
      this.logger.error({ err: error, board: documentName }, "board cannot be migrated");
      throw new ConnectionRefused(AUTH_FAILURES.boardUnavailable);
    }
    // A log this long means the server stopped before folding it (a crash): fold it now, so the next load is quick.
    if (stored.updates.length >= this.config.compactAfterUpdates) {
      this.store.compact(documentName, Y.encodeStateAsUpdate(document));
    }
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    if (parseDocumentName(documentName).workshop) return;
    const { count, bytes } = this.store.logSize(documentName);
    if (count >= this.config.compactAfterUpdates || bytes >= this.config.compactAfterBytes) {
      this.store.compact(documentName, Y.encodeStateAsUpdate(document));
    }
  }
}
