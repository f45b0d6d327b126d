import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { COLLAB_PATH } from "@journeyboard/shared";
import { Writer, createBoard } from "../../server/tests/support/crash";
import { authFrame } from "../../server/tests/support/fuzz";
import { startServer } from "./loads";
import { cpuSeconds } from "./serverCpu";
import type { ServerKind } from "./wire";

/**
 * Server CPU per presence (awareness) message: one sender moves its pointer
 * `MESSAGES` times, one other client watches; the server's CPU time (from
 * /proc) over the run, divided by the messages. Ours (rate limits lifted)
 * beside B-hp (stock Hocuspocus 4.7 + extension-sqlite).
 */
const messages = Number(process.env.MESSAGES ?? 20_000);

function presenceFrame(documentName: string, clientId: number, clock: number, x: number): Uint8Array {
  const state = encoding.createEncoder();
  encoding.writeVarUint(state, 1);
  encoding.writeVarUint(state, clientId);
  encoding.writeVarUint(state, clock);
  encoding.writeVarString(
    state,
    JSON.stringify({
      user: { name: "Kasia", department: "digital", colour: "#336699" },
      cursor: { x, y: 10 },
      editing: null,
    }),
  );
  const frame = encoding.createEncoder();
  encoding.writeVarString(frame, documentName);
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(state));
  return encoding.toUint8Array(frame);
}

async function measure(kind: ServerKind, board: (url: string) => Promise<{ id: string; token: string }>) {
  const { server, url: started } = startServer(kind);
  const url = await started;
  const { id, token } = await board(url);
  const watcher = new Writer(url, id, token, "watcher");
  await watcher.whenSynced();
  const socket = new WebSocket(`${url.replace(/^http/, "ws")}${COLLAB_PATH}`);
  await new Promise((resolve) => socket.once("open", resolve));
  socket.send(authFrame(id, token));
  await new Promise((resolve) => socket.once("message", resolve));
  const clientId = 4242;
  const last = messages - 1;
  const arrived = new Promise<void>((resolve) => {
    const cursorOf = () =>
      (watcher.awareness.getStates().get(clientId) as { cursor?: { x: number } } | undefined)?.cursor;
    watcher.awareness.on("change", () => cursorOf()?.x === last && resolve());
  });
  const pid = server.pid();
  const before = cpuSeconds(pid);
  const start = performance.now();
  for (let i = 0; i < messages; i++) {
    const frame = presenceFrame(id, clientId, i + 1, i);
    if (i % 500 === 499 || i === last) await new Promise<void>((resolve) => socket.send(frame, () => resolve()));
    else socket.send(frame);
  }
  await arrived;
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuSeconds(pid) - before;
  socket.terminate();
  watcher.destroy();
  await server.stop();
  return { microseconds: (cpu * 1e6) / messages, seconds };
}

const ours = await measure("ours", async (url) => {
  const board = await createBoard(url);
  return { id: board.id, token: board.links.participant.token };
});
const baseline = await measure("B-hp", async () => ({
  id: "relay",
  token: "any",
}));
console.log(`\n${messages} presence messages from one client, one client watching`);
console.log("| server | server CPU per message | wall time |");
console.log("| --- | --- | --- |");
console.log(`| ours | ${ours.microseconds.toFixed(1)} µs | ${ours.seconds.toFixed(2)} s |`);
console.log(`| B-hp | ${baseline.microseconds.toFixed(1)} µs | ${baseline.seconds.toFixed(2)} s |`);
console.log(`ratio ours ÷ B-hp: ${(ours.microseconds / baseline.microseconds).toFixed(2)} (goal: ≤ 5 µs per message)`);
