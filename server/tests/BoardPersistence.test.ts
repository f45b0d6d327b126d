import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AUTH_FAILURES, SCHEMA_VERSION, metaMap, readAll, readRecord, schemaVersionOf } from "@journeyboard/shared";
import { SqliteBoardStore } from "../src/storage/SqliteBoardStore";
import { hashToken } from "../src/tokens";
import { acknowledged, connectClient, connectSynced, type TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer, tempDataDir } from "./support/server";
import { putCard } from "./support/cards";

function addCards(client: TestClient, texts: string[]) {
  texts.forEach((text, i) => putCard(client.doc, { id: `card-${i}`, text, department: "digital" }, client.origin));
}

/** The board as stored on disk right now, read through a second connection to the SQLite file. */
function storedDoc(dataDir: string, boardId: string): Y.Doc {
  const store = new SqliteBoardStore(dataDir);
  try {
    const stored = store.loadBoard(boardId)!;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates([stored.snapshot!, ...stored.updates]));
    return doc;
  } finally {
    store.close();
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
    expect(readRecord(storedDoc(server.dataDir, board.id), "cards", "card-0")?.text).toBe("durable");
  });

  it("migrates an old board when it loads, before the first client syncs", async () => {
    const dataDir = tempDataDir();
    const fixture = JSON.parse(
      readFileSync(join(import.meta.dirname, "../../shared/fixtures/board-v1.json"), "utf8"),
    ) as { update: string };
    const store = new SqliteBoardStore(dataDir);
    store.createBoard({
      id: "old-board-000001",
      title: "Old",
      createdAt: 1,
      state: Buffer.from(fixture.update, "base64"),
      tokenHashes: {
        facilitator: hashToken("f".repeat(20)),
        participant: hashToken("p".repeat(20)),
        viewer: hashToken("v".repeat(20)),
      },
    });
    store.close();

    const server = await startTestServer({}, { dataDir });
    const client = await connectSynced(server.url, "old-board-000001", "v".repeat(20));
    expect(schemaVersionOf(client.doc)).toBe(SCHEMA_VERSION);
    expect(metaMap(client.doc).get("timelineDirection")).toBe("ltr");
    expect(readRecord(client.doc, "cards", "c2")?.text).toBe("أنتظر طويلاً على الهاتف");
    expect(schemaVersionOf(storedDoc(dataDir, "old-board-000001"))).toBe(SCHEMA_VERSION);
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
  it("folds the update log into a snapshot atomically, keeping every change", () => {
    const store = new SqliteBoardStore(tempDataDir());
    const doc = new Y.Doc();
    store.createBoard({
      id: "b",
      title: "t",
      createdAt: 1,
      state: Y.encodeStateAsUpdate(doc),
      tokenHashes: { facilitator: "f", participant: "p", viewer: "v" },
    });
    doc.on("update", (update: Uint8Array) => store.appendUpdate("b", update));
    for (let i = 0; i < 20; i++) doc.getMap("meta").set(`k${i}`, i);
    expect(store.logSize("b").count).toBe(20);
    const folded = store.loadBoard("b")!;
    const state = Y.encodeStateAsUpdate(doc);
    // Appended while the fold was being drawn: it stays in the log.
    doc.getMap("meta").set("meanwhile", true);
    store.compact("b", state, folded.lastSeq);
    expect(store.logSize("b").count).toBe(1);
    expect(store.storedBytes("b")).toBe(state.byteLength + store.logSize("b").bytes);
    doc.getMap("meta").set("after", true);
    const loaded = store.loadBoard("b")!;
    expect(loaded.updates).toHaveLength(2);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.mergeUpdates([loaded.snapshot!, ...loaded.updates]));
    expect(copy.getMap("meta").toJSON()).toEqual(doc.getMap("meta").toJSON());
    store.close();
  });

  it("folds a long log left by a crash when the board loads, keeping every change", async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({}, { dataDir });
    const board = await first.createBoard();
    const writer = await connectSynced(first.url, board.id, board.links.facilitator.token);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(writer.doc));
    writer.disconnect();
    await first.close();

    const store = new SqliteBoardStore(dataDir);
    store.loadBoard(board.id);
    copy.on("update", (update: Uint8Array) => store.appendUpdate(board.id, update));
    for (let i = 0; i < 600; i++) copy.getMap("meta").set(`note${i}`, i);
    expect(store.logSize(board.id).count).toBeGreaterThanOrEqual(600);
    store.close();

    const server = await startTestServer({}, { dataDir });
    const reader = await connectSynced(server.url, board.id, board.links.viewer.token);
    expect(reader.doc.getMap("meta").get("note599")).toBe(599);
    const after = new SqliteBoardStore(dataDir);
    await eventually(() => expect(after.logSize(board.id).count).toBe(0));
    after.close();
    await server.close();
    const third = await startTestServer({}, { dataDir });
    const later = await connectSynced(third.url, board.id, board.links.viewer.token);
    expect(later.doc.getMap("meta").get("note599")).toBe(599);
  });
});
