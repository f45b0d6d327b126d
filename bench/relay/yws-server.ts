import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { setupWSConnection } from "@y/websocket-server/utils";

/** B-yws from bench/GOALS.md: `@y/websocket-server` 0.1.1 with yjs 13, the reference Yjs relay; a room per URL path. */
const http = createServer();
const sockets = new WebSocketServer({ server: http });
sockets.on("connection", (socket, request) => setupWSConnection(socket, request));
http.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` }));
});
process.once("SIGTERM", () => process.exit(0));
