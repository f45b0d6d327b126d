import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AUTH_FAILURES, SCHEMA_VERSION, metaMap, readAll, readRecord, schemaVersionOf } from "@journeyboard/shared";
import { SqliteStorage } from "../src/storage/SqliteStorage";
import { hashToken } from "../src/tokens";
import { acknowledged, connectClient, connectSynced, type TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer, tempDataDir } from "./support/server";
import { putCard } from "./support/cards";

function addCards(client: TestClient, texts: string[]) {
  texts.forEach((text, i) => putCard(client.doc, { id: `card-${i}`, text, department: "digital" }, client.origin));
}

/** The board as stored on disk right now, read through a second connection to the SQLite file. */
async function storedDoc(dataDir: string, boardId: string): Promise<Y.Doc> {
  const storage = await SqliteStorage.open(dataDir);
  try {
    const stored = (await storage.boards.loadBoard(boardId))!;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates([stored.snapshot!, ...stored.updates]));
    return doc;
  } finally {
    await storage.close();
  }
}

describe("BoardPersistence", () => {
  it("finds a board intact after the server restarts", async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({}, { dataDir });
    const board = await first.createBoard({ title: "Kept" });
    const client = await connectSynced(first.url, board.id, board.links.participant.token);
    addCards(client, ["I look for a summer dress", "Czekam na kuriera", "أقارن الأسعار"]);
    await acknowledged(client);
    client.disconnect();
    await first.close();

    const second = await startTestServer({}, { dataDir });
    const again = await connectSynced(second.url, board.id, board.links.viewer.token);
    expect(
      readAll(again.doc, "cards")
        .map((c) => c.text)
        .sort(),
    ).toEqual(["I look for a summer dress", "Czekam na kuriera", "أقارن الأسعار"].sort());
    expect(metaMap(again.doc).get("title")).toBe("Kept");
  });

  it("has an acknowledged edit on disk already, before any scheduled store runs", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const client = await connectSynced(server.url, board.id, board.links.participant.token);
    addCards(client, ["durable"]);
    await acknowledged(client);
    expect(readRecord(await storedDoc(server.dataDir, board.id), "cards", "card-0")?.text).toBe("durable");
  });

  it("migrates an old board when it loads, before the first client syncs", async () => {
    const dataDir = tempDataDir();
    const fixture = JSON.parse(
      readFileSync(join(import.meta.dirname, "../../shared/fixtures/board-v1.json"), "utf8"),
    ) as { update: string };
    const storage = await SqliteStorage.open(dataDir);
    await storage.boards.createBoard({
      id: "old-board-000001",
      title: "Old",
      createdAt: 1,
      state: Buffer.from(fixture.update, "base64"),
      tokenHashes: {
        facilitator: hashToken("f".repeat(20)),
        participant: hashToken("p".repeat(20)),
        viewer: hashToken("v".repeat(20)),
      },
      links: [],
    });
    await storage.close();

    const server = await startTestServer({}, { dataDir });
    const client = await connectSynced(server.url, "old-board-000001", "v".repeat(20));
    expect(schemaVersionOf(client.doc)).toBe(SCHEMA_VERSION);
    expect(metaMap(client.doc).get("timelineDirection")).toBe("ltr");
    expect(readRecord(client.doc, "cards", "c2")?.text).toBe("أنتظر طويلاً على الهاتف");
    expect(schemaVersionOf(await storedDoc(dataDir, "old-board-000001"))).toBe(SCHEMA_VERSION);
  });

  it("refuses a board whose stored data is corrupt, and leaves those bytes as they were", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const db = new Database(join(server.dataDir, "journeyboard.sqlite"));
    const garbage = Buffer.from([0xff, 0x00, 0x13, 0x37, 0xde, 0xad]);
    db.prepare("UPDATE board_snapshots SET state = ? WHERE board_id = ?").run(garbage, board.id);
    const client = connectClient(server.url, board.id, board.links.facilitator.token);
    await eventually(() => expect(client.refusals).toContain(AUTH_FAILURES.boardUnavailable));
    const row = db.prepare("SELECT state FROM board_snapshots WHERE board_id = ?").get(board.id) as { state: Buffer };
    const updates = db.prepare("SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?").get(board.id) as {
      n: number;
    };
    db.close();
    expect(Buffer.compare(row.state, garbage)).toBe(0);
    expect(updates.n).toBe(0);
  });
});

describe("SqliteBoardStore", () => {
  it("folds a long log left by a crash when the board loads, keeping every change", async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({}, { dataDir });
    const board = await first.createBoard();
    const writer = await connectSynced(first.url, board.id, board.links.facilitator.token);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(writer.doc));
    writer.disconnect();
    await first.close();

    const storage = await SqliteStorage.open(dataDir);
    const appends: Promise<number>[] = [];
    copy.on("update", (update: Uint8Array) => appends.push(storage.boards.appendUpdate(board.id, update)));
    for (let i = 0; i < 600; i++) copy.getMap("meta").set(`note${i}`, i);
    await Promise.all(appends);
    expect((await storage.boards.logSize(board.id)).count).toBeGreaterThanOrEqual(600);
    await storage.close();

    const server = await startTestServer({}, { dataDir });
    const reader = await connectSynced(server.url, board.id, board.links.viewer.token);
    expect(reader.doc.getMap("meta").get("note599")).toBe(599);
    const after = await SqliteStorage.open(dataDir);
    await eventually(async () => expect((await after.boards.logSize(board.id)).count).toBe(0));
    await after.close();
    await server.close();
    const third = await startTestServer({}, { dataDir });
    const later = await connectSynced(third.url, board.id, board.links.viewer.token);
    expect(later.doc.getMap("meta").get("note599")).toBe(599);
  });
});
