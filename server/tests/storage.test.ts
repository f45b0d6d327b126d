import { describe, expect, it, onTestFinished } from "vitest";
import * as Y from "yjs";
import type { RoundRecord } from "@journeyboard/shared";
import type { LogEntry } from "../src/storage/BoardStore";
import { GroupedAppends } from "../src/storage/GroupedAppends";
import { PostgresStorage } from "../src/storage/PostgresStorage";
import { SqliteStorage } from "../src/storage/SqliteStorage";
import type { Storage } from "../src/storage/Storage";
import { ENGINES, testDatabase } from "./support/postgres";
import { tempDataDir } from "./support/server";

/**
 * A place for one test's data on the engine, and a way to open it: each
 * `open` is another connection to it, as another instance's would be.
 */
async function placeOn(engine: (typeof ENGINES)[number]): Promise<() => Promise<Storage>> {
  const where = engine === "postgres" ? await testDatabase() : tempDataDir();
  return async () => {
    const storage = engine === "postgres" ? await PostgresStorage.open(where) : await SqliteStorage.open(where);
    onTestFinished(() => storage.close());
    return storage;
  };
}

const newBoard = (id: string, state = Y.encodeStateAsUpdate(new Y.Doc())) => ({
  id,
  title: "t",
  createdAt: 1,
  state,
  tokenHashes: { facilitator: `f-${id}`, participant: `p-${id}`, viewer: `v-${id}` },
  links: [] as const,
});

const metaOf = (board: { snapshot: Uint8Array | null; updates: Uint8Array[] }) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates([...(board.snapshot ? [board.snapshot] : []), ...board.updates]));
  return doc.getMap("meta").toJSON();
};

describe.each(ENGINES)("the stores on %s", (engine) => {
  it("fold the update log into a snapshot atomically, keeping every change appended meanwhile", async () => {
    const { boards } = await (await placeOn(engine))();
    const doc = new Y.Doc();
    await boards.createBoard(newBoard("b", Y.encodeStateAsUpdate(doc)));
    const appends: Promise<number>[] = [];
    doc.on("update", (update: Uint8Array) => appends.push(boards.appendUpdate("b", update)));
    for (let i = 0; i < 20; i++) doc.getMap("meta").set(`k${i}`, i);
    // Appends at once may finish in any order (PostgreSQL runs them on several connections), each its own number.
    expect((await Promise.all(appends)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await boards.logSize("b")).count).toBe(20);
    const folded = (await boards.loadBoard("b"))!;
    expect(folded.lastSeq).toBe(20);
    const state = Y.encodeStateAsUpdate(doc);
    // Appended while the fold was being drawn: it stays in the log.
    doc.getMap("meta").set("meanwhile", true);
    await Promise.all(appends);
    await boards.compact("b", state, folded.lastSeq);
    expect((await boards.logSize("b")).count).toBe(1);
    expect(await boards.storedBytes("b")).toBe(state.byteLength + (await boards.logSize("b")).bytes);
    // A fold further behind, finishing late (another instance's), changes nothing.
    await boards.compact("b", folded.snapshot!, 3);
    doc.getMap("meta").set("after", true);
    await Promise.all(appends);
    const loaded = (await boards.loadBoard("b"))!;
    expect(loaded.updates).toHaveLength(2);
    expect(loaded.lastSeq).toBe(22);
    expect(metaOf(loaded)).toEqual(doc.getMap("meta").toJSON());
  });

  it("append several boards' updates in one transaction, each board's in order, all or none", async () => {
    const { boards } = await (await placeOn(engine))();
    for (const id of ["x", "y"]) await boards.createBoard(newBoard(id));
    const docs = { x: new Y.Doc(), y: new Y.Doc() };
    const entries: LogEntry[] = [];
    for (const boardId of ["y", "x"] as const) {
      docs[boardId].on("update", (update: Uint8Array) => entries.push({ boardId, update }));
    }
    for (let i = 0; i < 3; i++) for (const id of ["y", "x"] as const) docs[id].getMap("meta").set(`k${i}`, i);
    expect(await boards.appendUpdates(entries)).toEqual([1, 1, 2, 2, 3, 3]);
    // A board that is not there fails the whole group: the update for "x" before it is not kept either.
    const failing = [entries[1]!, { boardId: "missing", update: entries[0]!.update }];
    await expect(boards.appendUpdates(failing)).rejects.toThrow();
    for (const id of ["x", "y"] as const) {
      const stored = (await boards.loadBoard(id))!;
      expect(stored.lastSeq).toBe(3);
      expect(metaOf(stored)).toEqual(docs[id].getMap("meta").toJSON());
    }
  });

  it("append what is asked for in one turn in one group, each append answered once its update is stored", async () => {
    const { boards } = await (await placeOn(engine))();
    await boards.createBoard(newBoard("g"));
    const groups: number[] = [];
    const appends = new GroupedAppends({
      appendUpdates: (entries) => {
        groups.push(entries.length);
        return boards.appendUpdates(entries);
      },
    });
    const doc = new Y.Doc();
    const seqs: Promise<number>[] = [];
    doc.on("update", (update: Uint8Array) => seqs.push(appends.append("g", update)));
    for (let i = 0; i < 10; i++) doc.getMap("meta").set(`k${i}`, i);
    expect(await Promise.all(seqs)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(groups).toEqual([10]);
    expect((await boards.logSize("g")).count).toBe(10);
    // One group fails whole: each of its appends is refused, and the next group is stored.
    const refused = [appends.append("g", Y.encodeStateAsUpdate(doc)), appends.append("missing", new Uint8Array())];
    for (const append of refused) await expect(append).rejects.toThrow();
    doc.getMap("meta").set("after", true);
    expect(await seqs.at(-1)).toBe(11);
    expect(groups).toEqual([10, 2, 1]);
  });

  it("give every append from several instances its own number, and lose none to a fold", async () => {
    const open = await placeOn(engine);
    const [one, two] = [await open(), await open()];
    await one.boards.createBoard(newBoard("shared"));
    const writer = (storage: Storage, name: string) => {
      const doc = new Y.Doc();
      const appends: Promise<number>[] = [];
      doc.on("update", (update: Uint8Array) => appends.push(storage.boards.appendUpdate("shared", update)));
      for (let i = 0; i < 100; i++) doc.getMap("meta").set(`${name}${i}`, i);
      return appends;
    };
    const first = writer(one, "a");
    const second = writer(two, "b");
    // One instance folds what it reads while both go on appending.
    const read = (await one.boards.loadBoard("shared"))!;
    const folded = Y.mergeUpdates([read.snapshot!, ...read.updates]);
    await one.boards.compact("shared", folded, read.lastSeq);
    const numbers = await Promise.all([...first, ...second]);
    expect(new Set(numbers).size).toBe(200);
    expect(Math.max(...numbers)).toBe(200);
    const meta = metaOf((await two.boards.loadBoard("shared"))!);
    expect(Object.keys(meta)).toHaveLength(200);
  });

  it("never let one voter past a budget, however many instances add their dots at once", async () => {
    const open = await placeOn(engine);
    const instances = [await open(), await open(), await open()];
    await instances[0]!.boards.createBoard(newBoard("vote"));
    const round: RoundRecord = {
      id: "r1",
      rules: {
        title: "x",
        budgets: { irritants: 3 },
        capPerCard: 2,
        laneIds: [],
        stageIds: [],
        fromRound: null,
        blind: true,
        durationSeconds: null,
      },
      status: "open",
      openedAt: 1,
      endsAt: null,
      closedAt: null,
      revealedAt: null,
      tallies: null,
      voters: null,
    };
    await instances[0]!.votes.saveRound("vote", round);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        instances[i % 3]!.votes.addDot(
          {
            boardId: "vote",
            roundId: "r1",
            participantId: "p",
            department: "sales",
            cardId: `card-${i % 4}`,
            category: "irritants",
            requestId: `req-${i % 6}`,
          },
          { budget: 3, cap: 2 },
        ),
      ),
    );
    expect(results.filter((r) => r === "added")).toHaveLength(3);
    const dots = await instances[1]!.votes.dotsOf("vote", "r1", "p");
    expect(dots.reduce((sum, row) => sum + row.dots, 0)).toBe(3);
  });

  it("migrate the tables once, however many instances open them", async () => {
    const open = await placeOn(engine);
    // Instances of PostgreSQL start together; a SQLite file is one process's, opened again after it.
    const opened =
      engine === "postgres" ? await Promise.all([open(), open(), open()]) : [await open(), await open(), await open()];
    await opened[0]!.boards.createBoard(newBoard("kept"));
    const later = await open();
    expect(await later.boards.boardTitle("kept")).toBe("t");
    expect(await later.ping()).toBe(true);
  });
});
