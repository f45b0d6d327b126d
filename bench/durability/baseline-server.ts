import { join } from "node:path";
import { SQLite } from "@hocuspocus/extension-sqlite";
import { Server } from "@hocuspocus/server";

/**
 * B-hp from bench/GOALS.md: stock Hocuspocus 4.7 with extension-sqlite and its
 * default debounce, storing each document whole 2-10 s after changes.
 */
const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: "127.0.0.1",
  quiet: true,
  stopOnSignals: true,
  extensions: [new SQLite({ database: join(process.env.DATA_DIR ?? ".", "baseline.sqlite") })],
});
await server.listen();
console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address.port}` }));
