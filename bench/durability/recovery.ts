import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { ServerProcess, addTestCard, createBoard, readBoard } from "../../server/tests/support/crash";
import { SqliteStorage } from "../../server/src/storage/SqliteStorage";

/**
 * How long a board with a long update log takes to open after a restart
 * (process start to a client synced), beside the same board folded into a
 * snapshot.
 */
export async function recoveryTimes(updates: number): Promise<{ logMs: number; snapshotMs: number; cards: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), "journeyboard-recovery-"));
  const server = new ServerProcess(dataDir);
  const url = await server.start();
  const board = await createBoard(url);
  const token = board.links.participant.token;
  const doc = await readBoard(url, board.id, token);
  await server.stop();

  const storage = await SqliteStorage.open(dataDir);
  const appends: Promise<number>[] = [];
  doc.on("update", (update: Uint8Array) => appends.push(storage.boards.appendUpdate(board.id, update)));
  for (let i = 0; i < updates; i++) addTestCard(doc, `log-${i}`);
  await Promise.all(appends);
  await storage.close();

  const open = async () => {
    const start = performance.now();
    await server.start();
    const read = await readBoard(server.url, board.id, token);
    const ms = performance.now() - start;
    await server.kill();
    return { ms, cards: read.getMap("cards").size };
  };
  const fromLog = await open();
  const compacting = await SqliteStorage.open(dataDir);
  const { lastSeq } = (await compacting.boards.loadBoard(board.id))!;
  await compacting.boards.compact(board.id, Y.encodeStateAsUpdate(doc), lastSeq);
  await compacting.close();
  const fromSnapshot = await open();
  return { logMs: fromLog.ms, snapshotMs: fromSnapshot.ms, cards: fromLog.cards };
}
