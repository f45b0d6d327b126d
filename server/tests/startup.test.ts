import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { postgresAvailable, testDatabase } from "./support/postgres";
import { tempDataDir } from "./support/server";
import { runServer, type Exit } from "./support/startup";

/** Exited by itself, not zero, with one line on stderr that says what to change. */
function expectOneLine(exit: Exit, says: RegExp): void {
  expect(exit.code, `still running or crashed; stderr: ${exit.stderr}`).toBe(2);
  const lines = exit.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Journeyboard cannot start: /);
  expect(lines[0]).toMatch(says);
}

/** A folder nobody may create anything in (root neither, once bound by file permissions). */
function readOnlyFolder(): string {
  const dir = tempDataDir();
  const readOnly = join(dir, "read-only");
  mkdirSync(readOnly);
  chmodSync(readOnly, 0o555);
  return readOnly;
}

describe("a server that cannot start says what to change", () => {
  it("DATA_DIR where no folder can be made (/proc) ends instead of spinning", async () => {
    expectOneLine(
      await runServer({ DATA_DIR: "/proc/journeyboard" }),
      /cannot create \/proc\/journeyboard.*set DATA_DIR/,
    );
  });

  it("DATA_DIR that is a file", async () => {
    const file = join(tempDataDir(), "boards");
    writeFileSync(file, "");
    expectOneLine(await runServer({ DATA_DIR: file }), /is a file, not a folder; set DATA_DIR/);
  });

  it("DATA_DIR under a file", async () => {
    const file = join(tempDataDir(), "boards");
    writeFileSync(file, "");
    expectOneLine(await runServer({ DATA_DIR: join(file, "data") }), /is a file, not a folder; set DATA_DIR/);
  });

  it("DATA_DIR that is a read-only folder", async () => {
    const exit = await runServer({ DATA_DIR: readOnlyFolder() }, { bound: true });
    expectOneLine(exit, /is not writable \(this user may not write there\); set DATA_DIR/);
  });

  it("DATA_DIR whose missing parent cannot be made", async () => {
    const exit = await runServer({ DATA_DIR: join(readOnlyFolder(), "missing", "data") }, { bound: true });
    expectOneLine(exit, /cannot create .*missing \(this user may not write there\); set DATA_DIR/);
  });

  it("a database file SQLite cannot read", async () => {
    const dir = tempDataDir();
    writeFileSync(join(dir, "journeyboard.sqlite"), "not a database, just words ".repeat(200));
    expectOneLine(
      await runServer({ DATA_DIR: dir }),
      /journeyboard\.sqlite cannot be used .*move it away or set DATA_DIR/,
    );
  });

  it("a port already in use", async () => {
    const other: Server = createServer();
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => void other.close());
    const port = (other.address() as { port: number }).port;
    const exit = await runServer({ DATA_DIR: tempDataDir(), PORT: String(port) });
    expectOneLine(exit, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use .*set PORT`));
  });

  it("a HOST that is not this machine's", async () => {
    // 192.0.2.0/24 is reserved for documentation: no machine has it.
    const exit = await runServer({ DATA_DIR: tempDataDir(), HOST: "192.0.2.1" });
    expectOneLine(exit, /HOST 192\.0\.2\.1 is not an address of this machine; set HOST/);
  });
});

describe("a DATABASE_URL the server cannot use says what to change", () => {
  it("one that is not a PostgreSQL URL", async () => {
    for (const url of ["not a url", "mysql://root@127.0.0.1/boards"]) {
      expectOneLine(await runServer({ DATABASE_URL: url }), /DATABASE_URL: must be a PostgreSQL URL/);
    }
  });

  it("one where nothing answers, its password not shown", async () => {
    const other: Server = createServer();
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const port = (other.address() as { port: number }).port;
    await new Promise<void>((resolve) => other.close(() => resolve()));
    const exit = await runServer({ DATABASE_URL: `postgres://journeyboard:secret@127.0.0.1:${port}/boards` });
    expectOneLine(
      exit,
      new RegExp(`DATABASE_URL postgres://journeyboard:\\*\\*\\*@127\\.0\\.0\\.1:${port}/boards cannot be reached`),
    );
    expect(exit.stderr).not.toContain("secret");
  });

  it.skipIf(!postgresAvailable)("one naming a database that does not exist", async () => {
    const url = new URL(await testDatabase());
    url.pathname = `${url.pathname}_missing`;
    expectOneLine(await runServer({ DATABASE_URL: url.toString() }), /cannot be reached \(.*does not exist\)/);
  });
});

describe("a REDIS_URL the server cannot use says what to change", () => {
  it("one without DATABASE_URL: several instances never share one SQLite file", async () => {
    expectOneLine(
      await runServer({ DATA_DIR: tempDataDir(), REDIS_URL: "redis://127.0.0.1:6379" }),
      /REDIS_URL \(several instances\) needs DATABASE_URL/,
    );
  });

  it("one that is not a Redis URL", async () => {
    for (const url of ["not a url", "http://127.0.0.1:6379"]) {
      expectOneLine(await runServer({ REDIS_URL: url }), /REDIS_URL: must be a Redis URL/);
    }
  });

  it.skipIf(!postgresAvailable)("one where nothing answers, its password not shown", async () => {
    const other: Server = createServer();
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const port = (other.address() as { port: number }).port;
    await new Promise<void>((resolve) => other.close(() => resolve()));
    const exit = await runServer({
      DATABASE_URL: await testDatabase(),
      REDIS_URL: `redis://:secret@127.0.0.1:${port}`,
    });
    expectOneLine(exit, new RegExp(`REDIS_URL redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port} cannot be reached`));
    expect(exit.stderr).not.toContain("secret");
  });
});

describe("settings in .env", () => {
  it("are read from the folder the server starts in, and the environment wins over them", async () => {
    const folder = tempDataDir();
    writeFileSync(join(folder, ".env"), "# as .env.example has it\nDATA_DIR=/proc/from-dot-env\n");
    expectOneLine(await runServer({}, { cwd: folder }), /cannot create \/proc\/from-dot-env/);

    const file = join(folder, "a-file");
    writeFileSync(file, "");
    expectOneLine(await runServer({ DATA_DIR: file }, { cwd: folder }), /a-file is a file, not a folder/);
  });
});
