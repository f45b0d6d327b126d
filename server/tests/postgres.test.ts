import { describe, expect, it } from "vitest";
import { readRecord } from "@journeyboard/shared";
import { PostgresStorage } from "../src/storage/PostgresStorage";
import { putCard } from "./support/cards";
import { CLOSE_REASONS } from "@journeyboard/shared";
import { acknowledged, connectClient, connectSynced } from "./support/client";
import { eventually } from "./support/eventually";
import { asAdmin, inDatabase, postgresAvailable, testDatabase } from "./support/postgres";
import { startTestServer } from "./support/server";
import * as Y from "yjs";

/** Every connection to the database is ended: the server's pool opens new ones, with the database's settings as they are now. */
const reconnectAll = (name: string) =>
  asAdmin(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`,
  );

describe.skipIf(!postgresAvailable)("a server on PostgreSQL", () => {
  it("acknowledges no edit the database did not take, and stores it once the client sends it again", async () => {
    const url = await testDatabase();
    const name = new URL(url).pathname.slice(1);
    const server = await startTestServer({ DATABASE_URL: url });
    const board = await server.createBoard();
    const client = await connectSynced(server.url, board.id, board.links.participant.token);

    // The database takes no write from here on (reads still answer: the token, the phase).
    await asAdmin(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
    await reconnectAll(name);
    putCard(client.doc, { id: "kept", text: "I wait for the courier" }, client.origin);
    await eventually(() => expect(client.closes.length).toBeGreaterThan(0));
    expect(client.provider.hasUnsyncedChanges).toBe(true);

    await asAdmin(`ALTER DATABASE ${name} RESET default_transaction_read_only`);
    await reconnectAll(name);
    await acknowledged(client);
    const storage = await PostgresStorage.open(url);
    const stored = (await storage.boards.loadBoard(board.id))!;
    await storage.close();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates([stored.snapshot!, ...stored.updates]));
    expect(readRecord(doc, "cards", "kept")?.text).toBe("I wait for the courier");
  });

  it("lets a client in once its database answers again, when reading the token failed, instead of refusing the link", async () => {
    const url = await testDatabase();
    const server = await startTestServer({ DATABASE_URL: url });
    const board = await server.createBoard();

    // The server cannot read the tokens: it cannot tell whether this link opens the board.
    await inDatabase(url, "ALTER TABLE board_tokens RENAME TO board_tokens_away");
    const client = connectClient(server.url, board.id, board.links.participant.token);
    await eventually(() =>
      expect(client.closes).toContainEqual({ code: 1013, reason: CLOSE_REASONS.storageUnavailable }),
    );

    await inDatabase(url, "ALTER TABLE board_tokens_away RENAME TO board_tokens");
    await eventually(() => expect(client.provider.isSynced).toBe(true));
    expect(client.refusals).toEqual([]);
  });

  it("lets a client in once its database answers again, when loading the board failed", async () => {
    const url = await testDatabase();
    const server = await startTestServer({ DATABASE_URL: url });
    const board = await server.createBoard();

    await inDatabase(url, "ALTER TABLE board_updates RENAME TO board_updates_away");
    const client = connectClient(server.url, board.id, board.links.participant.token);
    await eventually(() =>
      expect(client.closes).toContainEqual({ code: 1013, reason: CLOSE_REASONS.storageUnavailable }),
    );

    await inDatabase(url, "ALTER TABLE board_updates_away RENAME TO board_updates");
    await eventually(() => expect(client.provider.isSynced).toBe(true));
    expect(client.refusals).toEqual([]);
  });
});
