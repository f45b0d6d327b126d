import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";

/**
 * B-raw from bench/GOALS.md: a plain `ws` room relay with no Yjs, the
 * floor: every frame a socket sends goes as it is to the other sockets of
 * its room (its URL path).
 */
const rooms = new Map<string, Set<WebSocket>>();
const http = createServer();
const sockets = new WebSocketServer({ server: http });
sockets.on("connection", (socket, request) => {
  const name = request.url ?? "/";
  const room = rooms.get(name) ?? new Set<WebSocket>();
  rooms.set(name, room);
  room.add(socket);
  socket.on("message", (data: Buffer) => {
    for (const other of room) if (other !== socket && other.readyState === WebSocket.OPEN) other.send(data);
  });
  socket.on("close", () => room.delete(socket));
});
http.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` }));
});
process.once("SIGTERM", () => process.exit(0));
