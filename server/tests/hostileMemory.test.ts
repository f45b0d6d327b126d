import { MessageType } from "@hocuspocus/server";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { COLLAB_PATH, readAll } from "@journeyboard/shared";
import { SYNC_UPDATE } from "../src/gateway/frames";
import { putCard } from "./support/cards";
import { SqliteStorage } from "../src/storage/SqliteStorage";
import { acknowledged, connectClient, connectSynced } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer, tempDataDir, type TestServer } from "./support/server";

/** A raw socket to the collaboration path, open; closed when the test ends. */
async function rawSocket(server: TestServer) {
  const socket = new WebSocket(`${server.url.replace(/^http/, "ws")}${COLLAB_PATH}`);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on("error", () => undefined);
  await new Promise<void>((resolve) => {
    socket.once("open", () => resolve());
    socket.once("close", () => resolve());
  });
  return { socket, closed };
}

/** A document update of `bytes` bytes for a document this socket never authenticated: the gate holds it. */
function heldFrame(documentName: string, bytes: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SYNC_UPDATE);
  encoding.writeVarUint8Array(encoder, new Uint8Array(bytes));
  return encoding.toUint8Array(encoder);
}

const send = (socket: WebSocket, frame: Uint8Array) =>
  new Promise<void>((resolve) => socket.send(frame, () => resolve()));

/** A colleague's card still reaches the others: the sockets already open keep working. */
async function stillCollaborating(server: TestServer, boardId: string, token: string, id: string) {
  const a = await connectSynced(server.url, boardId, token);
  const b = await connectSynced(server.url, boardId, token);
  putCard(a.doc, { id, text: id }, a.origin);
  await eventually(() => expect(readAll(b.doc, "cards").map((card) => card.id)).toContain(id));
  a.disconnect();
  b.disconnect();
}

describe("one person cannot take a workshop down: memory bounded in total", () => {
  it("refuses sockets past the limit per address and overall with a reason, and the open ones keep working", async () => {
    const server = await startTestServer({}, { capacity: { socketsPerAddress: 3 } });
    const board = await server.createBoard();
    const open = [await rawSocket(server), await rawSocket(server)];
    const token = board.links.participant.token;
    const a = await connectSynced(server.url, board.id, token);
    const refused = await rawSocket(server);
    expect(await refused.closed).toEqual({ code: 4509, reason: "too-many-connections" });
    for (const { socket } of open) socket.close();
    await Promise.all(open.map(({ closed }) => closed));
    const b = await connectSynced(server.url, board.id, token);
    putCard(a.doc, { id: "still-here", text: "still here" }, a.origin);
    await eventually(() => expect(readAll(b.doc, "cards").map((card) => card.id)).toContain("still-here"));

    const full = await startTestServer({}, { capacity: { sockets: 2 } });
    await Promise.all([rawSocket(full), rawSocket(full)]);
    expect(await (await rawSocket(full)).closed).toEqual({ code: 4503, reason: "server-full" });
  });

  it("bounds the bytes held before authentication across every socket, and gives them back when a socket closes", async () => {
    const server = await startTestServer({}, { capacity: { pendingBytes: 1024 * 1024 } });
    const board = await server.createBoard();
    const first = await rawSocket(server);
    await send(first.socket, heldFrame(board.id, 700 * 1024));
    const second = await rawSocket(server);
    await send(second.socket, heldFrame(board.id, 700 * 1024));
    expect(await second.closed).toEqual({ code: 4413, reason: "too-much-before-authentication" });

    first.socket.close();
    await first.closed;
    const third = await rawSocket(server);
    await send(third.socket, heldFrame(board.id, 700 * 1024));
    await stillCollaborating(server, board.id, board.links.participant.token, "after-the-flood");
    third.socket.close();
    expect((await third.closed).code).toBe(1005);
  });

  it("closes a socket whose document never authenticates, also one that keeps another document alive", async () => {
    const server = await startTestServer({}, { capacity: { authenticationMs: 300 } });
    const board = await server.createBoard();
    const stranger = await rawSocket(server);
    await send(stranger.socket, heldFrame(board.id, 10));
    expect(await stranger.closed).toEqual({ code: 4408, reason: "authentication-timeout" });

    const viewer = await connectSynced(server.url, board.id, board.links.viewer.token);
    viewer.sendRaw(heldFrame("some-other-board", 10));
    await eventually(() => expect(viewer.closes).toContainEqual({ code: 4408, reason: "authentication-timeout" }));
  });

  it("bounds the bytes of whole boards sent and not yet taken, and gives them back once the socket has them", async () => {
    const dataDir = tempDataDir();
    const setup = await startTestServer({}, { dataDir });
    const board = await setup.createBoard();
    const writer = await connectSynced(setup.url, board.id, board.links.participant.token);
    putCard(writer.doc, { id: "stored", text: "stored" }, writer.origin);
    await acknowledged(writer);
    await setup.close();
    const storage = await SqliteStorage.open(dataDir);
    const answer = await storage.boards.storedBytes(board.id);
    await storage.close();

    const tight = await startTestServer({}, { dataDir, capacity: { unsentBytes: answer - 1 } });
    const refused = connectClient(tight.url, board.id, board.links.participant.token);
    await eventually(() => expect(refused.closes).toContainEqual({ code: 4503, reason: "server-full" }));
    refused.disconnect();

    const room = await startTestServer({}, { dataDir, capacity: { unsentBytes: Math.ceil(answer * 1.5) } });
    for (const token of [board.links.participant.token, board.links.viewer.token]) {
      const newcomer = await connectSynced(room.url, board.id, token);
      expect(readAll(newcomer.doc, "cards").map((card) => card.id)).toContain("stored");
    }
  });

  it("refuses a connection to a board not loaded once the server holds as many as it may, with server-full", async () => {
    const server = await startTestServer({}, { capacity: { boards: 1 } });
    const first = await server.createBoard();
    const second = await server.createBoard();
    const holder = await connectSynced(server.url, first.id, first.links.participant.token);
    const refused = connectClient(server.url, second.id, second.links.participant.token);
    await eventually(() => expect(refused.refusals).toEqual(["server-full"]));
    await stillCollaborating(server, first.id, first.links.participant.token, "first-goes-on");

    // Once nobody is on the first board, it gives its place to the second at once.
    holder.disconnect();
    await connectSynced(server.url, second.id, second.links.participant.token);
    expect(server.hocuspocus.documents.has(first.id)).toBe(false);
  });

  it("keeps a board loaded a while after its last connection leaves, so coming and going loads it once", async () => {
    const server = await startTestServer({}, { capacity: { idleBoardMs: 500 } });
    const board = await server.createBoard();
    const first = await connectSynced(server.url, board.id, board.links.participant.token);
    const loaded = server.hocuspocus.documents.get(board.id);
    first.disconnect();
    await eventually(() => expect(loaded!.getConnectionsCount()).toBe(0));
    const again = await connectSynced(server.url, board.id, board.links.participant.token);
    expect(server.hocuspocus.documents.get(board.id)).toBe(loaded);
    again.disconnect();
    await eventually(() => expect(server.hocuspocus.documents.has(board.id)).toBe(false));
  });
});
