import type { onLoadDocumentPayload, onStoreDocumentPayload } from "@hocuspocus/server";
import { describe, expect, it, onTestFinished } from "vitest";
import * as Y from "yjs";
import { SCHEMA_VERSION, metaMap } from "@journeyboard/shared";
import { createLogger } from "../src/logger";
import { BoardPersistence } from "../src/extensions/BoardPersistence";
import { SqliteStorage } from "../src/storage/SqliteStorage";
import { applyStored } from "../src/storage/storedBoard";
import { tempDataDir } from "./support/server";

const config = { compactAfterUpdates: 5, compactAfterBytes: 1024, compactAfterShare: 0.5 };

/** A board stored with a snapshot of about `bytes` bytes, loaded by a BoardPersistence whose folds are counted. */
async function loaded(bytes: number) {
  const storage = await SqliteStorage.open(tempDataDir());
  onTestFinished(() => storage.close());
  const store = storage.boards;
  const source = new Y.Doc();
  metaMap(source).set("schemaVersion", SCHEMA_VERSION);
  metaMap(source).set("title", "x".repeat(bytes));
  await store.createBoard({
    id: "board",
    title: "t",
    createdAt: 1,
    state: Y.encodeStateAsUpdate(source),
    tokenHashes: { facilitator: "f", participant: "p", viewer: "v" },
    links: [],
  });
  const folds: number[] = [];
  const persistence = new BoardPersistence(
    store,
    createLogger("silent"),
    {
      fold: async (board) => {
        folds.push(board.updates.length);
        const doc = new Y.Doc();
        applyStored(doc, board);
        return Y.encodeStateAsUpdate(doc);
      },
      split: async () => [],
    },
    config,
  );
  const document = new Y.Doc();
  const payload = { document, documentName: "board" };
  await persistence.onLoadDocument(payload as unknown as onLoadDocumentPayload);
  const edit = (count: number) => {
    for (let i = 0; i < count; i++) metaMap(document).set("note", i);
  };
  const storeDocument = () => persistence.onStoreDocument(payload as unknown as onStoreDocumentPayload);
  return { store, persistence, folds, edit, storeDocument };
}

describe("folding the update log", () => {
  it("folds a small board's log after a few updates, a large board's once the log is a share of its snapshot", async () => {
    const small = await loaded(10);
    small.edit(6);
    await small.storeDocument();
    await small.persistence.stop();
    expect(small.folds).toEqual([6]);

    // 200 kB of snapshot, half of it a share: 25 updates of 4 KiB's worth, or 100 kB of log.
    const large = await loaded(200_000);
    large.edit(6);
    await large.storeDocument();
    expect(large.folds).toEqual([]);
    large.edit(20);
    await large.storeDocument();
    await large.persistence.stop();
    expect(large.folds).toEqual([26]);
    expect((await large.store.logSize("board")).count).toBe(0);
  });
});
