import { describe, expect, it } from "vitest";
import { killWhileWriting, killWhileWritersStay } from "./support/crash";
import { ENGINES, testDatabase } from "./support/postgres";
import { tempDataDir } from "./support/server";

/** The server's environment for a run on this engine: PostgreSQL in a database of the test's own. */
const envFor = async (engine: (typeof ENGINES)[number]): Promise<Record<string, string>> =>
  engine === "postgres" ? { DATABASE_URL: await testDatabase() } : {};

describe.each(ENGINES)("a server on %s killed with SIGKILL while clients write", (engine) => {
  it("has every acknowledged edit after the restart, though the clients never come back", async () => {
    const report = await killWhileWriting({
      dataDir: tempDataDir(),
      env: await envFor(engine),
      seed: 20261124,
      writers: 6,
      kills: 3,
      maxCardsPerRound: 120,
    });
    expect(report.acknowledged).toBeGreaterThan(30);
    expect(report.missing).toEqual([]);
  }, 60_000);

  it("ends with every replica identical to the server's when the clients stay and reconnect", async () => {
    const report = await killWhileWritersStay({
      dataDir: tempDataDir(),
      env: await envFor(engine),
      seed: 7,
      writers: 6,
      kills: 3,
      maxCardsPerRound: 120,
    });
    expect(report.cards).toBeGreaterThan(30);
    expect(report.different).toEqual([]);
  }, 60_000);

  it("stores every acknowledged edit when stopped with SIGTERM", async () => {
    const report = await killWhileWriting({
      dataDir: tempDataDir(),
      env: await envFor(engine),
      seed: 11,
      writers: 4,
      kills: 2,
      maxCardsPerRound: 80,
      signal: "SIGTERM",
    });
    expect(report.acknowledged).toBeGreaterThan(20);
    expect(report.missing).toEqual([]);
  }, 60_000);
});
