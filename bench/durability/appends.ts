import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { PostgresStorage } from "../../server/src/storage/PostgresStorage";
import { SqliteStorage } from "../../server/src/storage/SqliteStorage";
import type { Storage } from "../../server/src/storage/Storage";
import { withDatabase } from "./engines";

/**
 * The store's own share of edit -> on disk: `count` appends of a card-sized
 * update to one board, one after another (as one connection's edits go),
 * each timed from the call to the promise resolving (committed, on disk).
 */
async function appendTimes(storage: Storage, count: number): Promise<number[]> {
  const doc = new Y.Doc();
  await storage.boards.createBoard({
    id: "bench",
    title: "bench",
    createdAt: 1,
    state: Y.encodeStateAsUpdate(doc),
    tokenHashes: { facilitator: "f", participant: "p", viewer: "v" },
    links: [],
  });
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getMap("cards").set(`card-${i}`, { text: "I wait for the courier".repeat(3), i });
  const times: number[] = [];
  for (const update of updates) {
    const start = performance.now();
    await storage.boards.appendUpdate("bench", update);
    times.push(performance.now() - start);
  }
  await storage.close();
  return times;
}

export async function appendTimesByEngine(count: number): Promise<{ sqlite: number[]; postgres: number[] }> {
  const sqlite = await appendTimes(
    await SqliteStorage.open(mkdtempSync(join(tmpdir(), "journeyboard-appends-"))),
    count,
  );
  const postgres = await withDatabase(async (url) => appendTimes(await PostgresStorage.open(url), count));
  return { sqlite, postgres };
}
