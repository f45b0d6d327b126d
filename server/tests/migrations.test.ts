import { cpSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { readAll } from "@journeyboard/shared";
import { SQLITE_FILE } from "../src/storage/SqliteStorage";
import { SQLITE_MIGRATIONS } from "../src/storage/sqliteMigrations";
import { connectSynced } from "./support/client";
import { roundsIn, connectWorkshop } from "./support/voting";
import { startTestServer, tempDataDir } from "./support/server";
import { runServer } from "./support/startup";

/** A data folder written before the tables had versioned migrations (tests/fixtures/data-v0/README.md). */
const FIXTURE = join(import.meta.dirname, "fixtures", "data-v0", SQLITE_FILE);
const BOARD = "aRB6ET72K4ZTRz3Z";
const FACILITATOR = "mMR-__WuMZZ4YtSH9r8U_KvHX7uHCGsJxi9OM46G1gM";

function copyOfFixture(): string {
  const dataDir = tempDataDir();
  cpSync(FIXTURE, join(dataDir, SQLITE_FILE));
  return dataDir;
}

const appliedIn = (dataDir: string): string[] => {
  const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true });
  try {
    return (db.prepare("SELECT name FROM schema_migrations ORDER BY name").all() as { name: string }[]).map(
      (row) => row.name,
    );
  } finally {
    db.close();
  }
};

describe("table migrations", () => {
  it("opens a data folder written before migrations, with every board, round, phase, snapshot and link as it was", async () => {
    const dataDir = copyOfFixture();
    const server = await startTestServer({}, { dataDir });
    const board = await connectSynced(server.url, BOARD, FACILITATOR);
    expect(
      readAll(board.doc, "cards")
        .map((card) => card.id)
        .sort(),
    ).toEqual(["fixture-card-1", "fixture-card-2"]);
    const workshop = await connectWorkshop(server.url, BOARD, FACILITATOR);
    expect(workshop.doc.getMap("session").get("phase")).toBe("discuss");
    expect(workshop.doc.getMap("session").get("timer")).toMatchObject({ status: "running" });
    expect(roundsIn(workshop).map((round) => [round.id, round.status])).toEqual([["LZk8J_LFu11bt98S", "revealed"]]);
    const headers = { authorization: `Bearer ${FACILITATOR}` };
    const snapshots = (await (await fetch(`${server.url}/api/boards/${BOARD}/snapshots`, { headers })).json()) as {
      name: string;
    }[];
    expect(snapshots.map((s) => s.name).sort()).toEqual(["Named one", "Which irritants first?", "discuss"].sort());
    const links = (await (await fetch(`${server.url}/api/boards/${BOARD}/links`, { headers })).json()) as Record<
      string,
      { status: string }
    >;
    expect(links.participant?.status).toBe("on");
    expect(links.viewer?.status).toBe("on");
    board.disconnect();
    workshop.disconnect();
    await server.close();
    expect(appliedIn(dataDir)).toEqual(SQLITE_MIGRATIONS.map((m) => m.name));

    // Opened again: nothing to apply, nothing changed.
    const again = await startTestServer({}, { dataDir });
    const reader = await connectSynced(again.url, BOARD, FACILITATOR);
    expect(readAll(reader.doc, "cards")).toHaveLength(2);
    expect(appliedIn(dataDir)).toEqual(SQLITE_MIGRATIONS.map((m) => m.name));
  });

  it("refuses to start on a database that a newer version migrated further, saying so", async () => {
    const dataDir = copyOfFixture();
    const db = new Database(join(dataDir, SQLITE_FILE));
    db.exec("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
    db.prepare("INSERT INTO schema_migrations VALUES (?, 1)").run("9999-from-the-future");
    db.close();
    const { code, stderr } = await runServer({ DATA_DIR: dataDir });
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/newer Journeyboard.*9999-from-the-future/);
  });
});
