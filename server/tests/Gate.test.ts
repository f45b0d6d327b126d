import { MessageType } from "@hocuspocus/server";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  LIMITS,
  RECORD_ROOTS,
  addActions,
  exportBoard,
  readAll,
  readRecord,
  type ResyncMessage,
} from "@journeyboard/shared";
import { acknowledged, connectSynced, type TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer } from "./support/server";
import { connectWorkshop } from "./support/voting";
import { writeAwareness, type AwarenessEntry } from "../src/gateway/frames";
import type { GateLimits } from "../src/gateway/limits";
import { putCard } from "./support/cards";

const SYNC = 0;
const AWARENESS = 1;
const SYNC_UPDATE = 2;

function frame(documentName: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const updateFrame = (documentName: string, update: Uint8Array) =>
  frame(documentName, (e) => {
    encoding.writeVarUint(e, SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });

const awarenessFrame = (documentName: string, entries: AwarenessEntry[]) =>
  frame(documentName, (e) => {
    encoding.writeVarUint(e, AWARENESS);
    encoding.writeVarUint8Array(e, writeAwareness(entries));
  });

/** The update a change would make to a copy of the client's board, made by another Yjs client. */
function updateOf(client: TestClient, change: (doc: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
  let update: Uint8Array | null = null;
  copy.on("update", (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u));
  change(copy);
  return update!;
}

function cardIn(doc: Y.Doc, id: string, text: string) {
  putCard(doc, { id, text });
}

const textIn = (doc: Y.Doc, id: string) => (doc.getMap("cards").get(id) as Y.Map<unknown>).get("text") as Y.Text;

async function room(limits: Partial<GateLimits> = {}) {
  const server = await startTestServer({}, { gateLimits: limits });
  const board = await server.createBoard();
  const resyncs: ResyncMessage[] = [];
  const onStateless = (payload: string) => {
    const message = JSON.parse(payload) as { type: string };
    if (message.type === "resync") resyncs.push(message as ResyncMessage);
  };
  const sender = await connectSynced(server.url, board.id, board.links.participant.token, { onStateless });
  const watcher = await connectSynced(server.url, board.id, board.links.facilitator.token);
  /** Sends the update, then a card as a marker: once the marker arrives, the update had its turn. */
  const sendThenMark = async (update: Uint8Array, marker: string) => {
    sender.sendRaw(updateFrame(board.id, update));
    cardIn(sender.doc, marker, marker);
    await eventually(() => expect(readRecord(watcher.doc, "cards", marker)).toBeDefined());
  };
  return { server, board, sender, watcher, resyncs, sendThenMark };
}

describe("Gate: updates are checked whole before they are applied", () => {
  it("refuses a truncated or garbled update whole: nothing applied, nothing relayed, the sender told to resync", async () => {
    const { sender, watcher, resyncs, sendThenMark, server, board } = await room();
    const update = updateOf(sender, (doc) => cardIn(doc, "cut", "half a card"));
    await sendThenMark(update.slice(0, update.length - 3), "m1");
    await sendThenMark(new Uint8Array([0xff, 0xff, 0xff, 0x7f, 1, 2, 3]), "m2");
    expect(resyncs.map((r) => r.reason)).toEqual(["malformed", "malformed"]);
    expect(readRecord(watcher.doc, "cards", "cut")).toBeUndefined();
    const stored = await fetch(
      `${server.url}/api/boards/${board.id}/export/board.json?token=${board.links.viewer.token}`,
    );
    expect(await stored.text()).not.toContain("half a card");
  });

  it("takes typing in a card's text, counting its limit on the text the update leaves", async () => {
    const { watcher, resyncs, sendThenMark, sender } = await room();
    await sendThenMark(
      updateOf(sender, (doc) => cardIn(doc, "long", "x".repeat(LIMITS.cardText - 2))),
      "m0",
    );
    await sendThenMark(
      updateOf(sender, (doc) => textIn(doc, "long").insert(0, "ab")),
      "m1",
    );
    await sendThenMark(
      updateOf(sender, (doc) => textIn(doc, "long").insert(0, "c")),
      "m2",
    );
    await sendThenMark(
      updateOf(sender, (doc) =>
        doc.transact(() => (textIn(doc, "long").delete(0, 3), textIn(doc, "long").insert(0, "def"))),
      ),
      "m3",
    );
    await sendThenMark(
      updateOf(sender, (doc) =>
        (doc.getMap("cards").get("long") as Y.Map<unknown>).set("text", new Y.Text("z".repeat(LIMITS.cardText + 1))),
      ),
      "m4",
    );
    expect(resyncs.map((r) => r.reason)).toEqual(["invalid", "invalid"]);
    expect(resyncs[0]!.detail).toContain("cards.long.text");
    await eventually(() =>
      expect(readRecord(watcher.doc, "cards", "long")!.text).toBe("def" + "x".repeat(LIMITS.cardText - 3)),
    );
  });

  it("refuses a truncated typing update whole, and holds a keystroke until the one before it arrives", async () => {
    const { sender, watcher, resyncs, sendThenMark } = await room();
    await sendThenMark(
      updateOf(sender, (doc) => cardIn(doc, "card", "I wait")),
      "m0",
    );
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(sender.doc));
    const keystrokes: Uint8Array[] = [];
    copy.on("update", (u: Uint8Array) => keystrokes.push(u));
    textIn(copy, "card").insert(6, " long");
    textIn(copy, "card").insert(11, "er");
    await sendThenMark(keystrokes[0]!.slice(0, keystrokes[0]!.length - 4), "m1");
    expect(resyncs.map((r) => r.reason)).toEqual(["malformed"]);
    await sendThenMark(keystrokes[1]!, "m2");
    expect(readRecord(watcher.doc, "cards", "card")!.text).toBe("I wait");
    await sendThenMark(keystrokes[0]!, "m3");
    await eventually(() => expect(readRecord(watcher.doc, "cards", "card")!.text).toBe("I wait longer"));
    expect(resyncs).toHaveLength(1);
  });

  it("refuses writes outside the layout: a plain value for a text, a text where the layout has none, formatting, embeds, nesting", async () => {
    const { watcher, resyncs, sendThenMark, sender } = await room();
    await sendThenMark(
      updateOf(sender, (doc) => cardIn(doc, "card", "I wait")),
      "m0",
    );
    const card = (doc: Y.Doc) => doc.getMap("cards").get("card") as Y.Map<unknown>;
    const attempts: Array<(doc: Y.Doc) => void> = [
      (doc) => card(doc).set("text", "replaced whole"),
      (doc) => doc.getMap("evil").set("k", 1),
      (doc) => doc.getText("notes").insert(0, "hello"),
      (doc) => card(doc).set("authorName", new Y.Text("Amal")),
      (doc) => card(doc).set("indicator", new Y.Map()),
      (doc) => textIn(doc, "card").format(0, 2, { bold: true }),
      (doc) => textIn(doc, "card").insert(0, "bold", { bold: true }),
      (doc) => textIn(doc, "card").insertEmbed(0, { image: "x" }),
      (doc) => textIn(doc, "card").insertEmbed(0, new Y.Map()),
      (doc) => doc.getMap("meta").set("title", new Y.Text("Board")),
    ];
    for (const [i, attempt] of attempts.entries()) await sendThenMark(updateOf(sender, attempt), `m${i + 1}`);
    expect(resyncs.map((r) => r.reason)).toEqual(attempts.map(() => "layout"));
    expect(readRecord(watcher.doc, "cards", "card")!.text).toBe("I wait");
    expect(textIn(watcher.doc, "card").toDelta()).toEqual([{ insert: "I wait" }]);
    expect(watcher.doc.share.has("evil")).toBe(false);
  });

  it("holds an update until what it builds on arrives, and refuses it when that never comes", async () => {
    const { sender, watcher, resyncs, sendThenMark } = await room();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(sender.doc));
    const updates: Uint8Array[] = [];
    copy.on("update", (u: Uint8Array) => updates.push(u));
    cardIn(copy, "first", "first");
    cardIn(copy, "second", "second");
    await sendThenMark(updates[1]!, "m1");
    expect(readRecord(watcher.doc, "cards", "second")).toBeUndefined();
    await sendThenMark(updates[0]!, "m2");
    await eventually(() => expect(readRecord(watcher.doc, "cards", "second")).toBeDefined());
    expect(resyncs).toEqual([]);
  });

  it("refuses held updates past their byte limit", async () => {
    const { sender, watcher, resyncs, sendThenMark } = await room({ unresolvedBytes: 2000 });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(sender.doc));
    const updates: Uint8Array[] = [];
    copy.on("update", (u: Uint8Array) => updates.push(u));
    cardIn(copy, "first", "first");
    for (let i = 0; i < 10; i++) cardIn(copy, `later${i}`, "y".repeat(300));
    for (const update of updates.slice(1, -1)) sender.sendRaw(updateFrame(sender.provider.configuration.name, update));
    await sendThenMark(updates.at(-1)!, "m1");
    expect(resyncs.length).toBeGreaterThan(0);
    expect(new Set(resyncs.map((r) => r.reason))).toEqual(new Set(["unresolvable"]));
    sender.sendRaw(updateFrame(sender.provider.configuration.name, updates[0]!));
    await eventually(() => expect(readRecord(watcher.doc, "cards", "first")).toBeDefined());
    expect(readAll(watcher.doc, "cards").filter((card) => card.id.startsWith("later"))).toEqual([]);
  });

  it("lets only the facilitator change the board's settings and reorder the plan", async () => {
    const { sender, watcher, resyncs, sendThenMark } = await room();
    addActions(watcher.doc, { actions: [{ id: "a1", title: "One", createdAt: 1 }] }, watcher.origin);
    await acknowledged(watcher);
    await eventually(() => expect(readRecord(sender.doc, "actions", "a1")).toBeDefined());
    await sendThenMark(
      updateOf(sender, (doc) => doc.getMap("meta").set("title", "Taken over")),
      "m1",
    );
    await sendThenMark(
      updateOf(sender, (doc) => doc.getMap("meta").set("locale", "ar")),
      "m1a",
    );
    await sendThenMark(
      updateOf(sender, (doc) => doc.getMap("meta").set("timelineDirection", "rtl")),
      "m1b",
    );
    await sendThenMark(
      updateOf(sender, (doc) => (doc.getMap("actions").get("a1") as Y.Map<unknown>).set("order", "a5")),
      "m2",
    );
    await sendThenMark(
      updateOf(sender, (doc) =>
        ((doc.getMap("actions").get("a1") as Y.Map<unknown>).get("title") as Y.Text).insert(0, "Re: "),
      ),
      "m3",
    );
    expect(resyncs.map((r) => r.reason)).toEqual(["forbidden", "forbidden", "forbidden", "forbidden"]);
    await eventually(() => expect(readRecord(watcher.doc, "actions", "a1")!.title).toBe("Re: One"));
    expect(watcher.doc.getMap("meta").get("locale")).toBe("en");
    expect(watcher.doc.getMap("meta").get("timelineDirection")).toBe("ltr");
    expect(readRecord(watcher.doc, "actions", "a1")!.order).not.toBe("a5");
  });
});

describe("Gate: limits on what a connection sends", () => {
  it("refuses a card that would take the board past its size", async () => {
    const server = await startTestServer({}, { gateLimits: {} });
    const board = await server.createBoard();
    const probe = await connectSynced(server.url, board.id, board.links.facilitator.token);
    const records = RECORD_ROOTS.reduce((sum, root) => sum + probe.doc.getMap(root).size, 0);
    probe.disconnect();
    await server.close();
    const { resyncs, sendThenMark, sender, watcher, board: full } = await room({ boardRecords: records + 2 });
    await sendThenMark(
      updateOf(sender, (doc) => cardIn(doc, "one", "fits")),
      "m1",
    );
    sender.sendRaw(
      updateFrame(
        full.id,
        updateOf(sender, (doc) => cardIn(doc, "two", "too many")),
      ),
    );
    await eventually(() => expect(resyncs.map((r) => r.reason)).toEqual(["board-full"]));
    expect(readRecord(watcher.doc, "cards", "two")).toBeUndefined();
  });

  it("closes a connection that sends a message over 4 MiB, and drops presence that is too big or too frequent", async () => {
    const { sender, watcher, board } = await room({ presencePerSecond: 5 });
    const user = { name: "Kasia", department: "digital", colour: "#336699" };
    const own = sender.doc.clientID;
    const presence = (name: string, clock: number) =>
      awarenessFrame(board.id, [{ clientId: own, clock, state: { user: { ...user, name } } }]);
    sender.sendRaw(
      awarenessFrame(board.id, [{ clientId: own, clock: 50, state: { user: { ...user, name: "x".repeat(3000) } } }]),
    );
    for (let i = 0; i < 20; i++) sender.sendRaw(presence(`burst ${i}`, 60 + i));
    const names = () =>
      (watcher.provider.awareness!.getStates().get(own) as { user?: { name: string } } | undefined)?.user?.name;
    await eventually(() => expect(names()).toMatch(/^burst/));
    expect(names()).not.toBe("burst 19");
    sender.sendRaw(new Uint8Array(4 * 1024 * 1024 + 1));
    await eventually(() => expect(sender.closes.map((c) => c.code)).toContain(1009));
  });

  it("sends every socket a heartbeat and takes the client's answer to it as a sign of life, not as garbage", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const frames: string[] = [];
    const client = await connectSynced(server.url, board.id, board.links.participant.token, { frames });
    const pings = () => frames.filter((received) => received === String.fromCharCode(MessageType.Ping)).length;
    await eventually(() => expect(pings()).toBeGreaterThanOrEqual(3));
    expect(client.closes).toEqual([]);
    putCard(client.doc, { id: "alive", text: "still here" }, client.origin);
    await acknowledged(client);
  });

  it("closes a connection that sends bytes that are no message, or too many messages", async () => {
    const { sender, watcher, board } = await room({ messagesPerSecond: 1, messageBurst: 50 });
    sender.sendRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    await eventually(() => expect(sender.closes[0]).toEqual({ code: 1007, reason: "malformed-message" }));
    for (let i = 0; i < 60; i++) watcher.sendRaw(awarenessFrame(board.id, []));
    await eventually(() => expect(watcher.closes[0]).toEqual({ code: 4429, reason: "too-many-messages" }));
  });
});

describe("Gate: presence is stamped by the server", () => {
  const user = (name: string, role?: string) => ({ user: { name, department: "sales", colour: "#336699", role } });

  it("shows each connection as one person with its token's role: no fake people, no posing as someone else", async () => {
    const { sender, watcher, board } = await room({ presencePerSecond: 10_000 });
    watcher.provider.setAwarenessField("user", user("Facilitator").user);
    const own = sender.doc.clientID;
    const fakes = Array.from({ length: 500 }, (_, i) => ({ clientId: 10_000 + i, clock: 1, state: user(`Fake ${i}`) }));
    sender.sendRaw(awarenessFrame(board.id, fakes));
    for (let i = 0; i < fakes.length; i += 10) sender.sendRaw(awarenessFrame(board.id, fakes.slice(i, i + 10)));
    sender.sendRaw(
      awarenessFrame(board.id, [{ clientId: watcher.doc.clientID, clock: 99, state: user("Not the facilitator") }]),
    );
    sender.sendRaw(awarenessFrame(board.id, [{ clientId: own, clock: 99, state: user("Sam", "facilitator") }]));
    const seen = () => watcher.provider.awareness!.getStates();
    await eventually(() => expect((seen().get(own) as ReturnType<typeof user> | undefined)?.user.name).toBe("Sam"));
    expect((seen().get(own) as ReturnType<typeof user>).user.role).toBe("participant");
    expect([...seen().keys()].sort()).toEqual([own, watcher.doc.clientID].sort());
    await eventually(() =>
      expect(
        (sender.provider.awareness!.getStates().get(watcher.doc.clientID) as ReturnType<typeof user> | undefined)?.user
          .name,
      ).toBe("Facilitator"),
    );
  });
});

describe("Gate: a viewer changes nothing", () => {
  it("takes no document change and no command from a viewer, whatever it sends, thousands of times", async () => {
    const server = await startTestServer({}, { gateLimits: { messagesPerSecond: 1e6, messageBurst: 1e6 } });
    const board = await server.createBoard();
    const facilitator = await connectSynced(server.url, board.id, board.links.facilitator.token);
    cardIn(facilitator.doc, "kept", "kept");
    await acknowledged(facilitator);
    const before = JSON.stringify(exportBoard(facilitator.doc));
    const replies: string[] = [];
    const viewer = await connectSynced(server.url, board.id, board.links.viewer.token, {
      onStateless: (payload) => replies.push(payload),
    });
    const commands = [
      { type: "round.start", rules: { title: "x" } },
      { type: "phase.set", phase: "discuss" },
      { type: "vote.hello", voterKey: "viewer-key-000001", name: "V", department: "sales" },
      { type: "vote.add", roundId: "r", cardId: "kept", requestId: "q" },
    ];
    for (let i = 0; i < 1000; i++) {
      viewer.sendRaw(
        updateFrame(
          board.id,
          updateOf(viewer, (doc) => cardIn(doc, `forged-${i}`, "forged")),
        ),
      );
      viewer.sendRaw(
        updateFrame(
          board.id,
          updateOf(viewer, (doc) => doc.getMap("meta").set("title", `forged ${i}`)),
        ),
      );
      viewer.provider.sendStateless(JSON.stringify(commands[i % commands.length]));
    }
    await eventually(() => expect(replies.length).toBeGreaterThanOrEqual(1000));
    expect(replies.every((reply) => (JSON.parse(reply) as { type: string }).type === "refused")).toBe(true);
    const workshop = await connectWorkshop(server.url, board.id, board.links.facilitator.token);
    expect(workshop.doc.getMap("rounds").size).toBe(0);
    expect(workshop.doc.getMap("session").get("phase")).toBe("open");
    cardIn(facilitator.doc, "marker", "marker");
    await eventually(() => expect(readRecord(viewer.doc, "cards", "marker")).toBeDefined());
    const fresh = await connectSynced(server.url, board.id, board.links.facilitator.token);
    const after = exportBoard(fresh.doc);
    after.records.cards = after.records.cards.filter((card) => card.id !== "marker");
    expect(JSON.stringify(after)).toBe(before);
  });
});
