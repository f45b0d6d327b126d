/**
 * Several instances without a load balancer in front of them: a client is
 * given every instance's collaboration URL and, each time its connection
 * closes or cannot be opened (the instance died, or is being restarted),
 * it reconnects to the next one in the list, round and round. Any instance
 * serves any board (they share the store), so the client syncs there as
 * after any reconnect and its unsent changes go with it.
 */

/** What of a Hocuspocus provider's socket the rotation uses: the URL its next attempt opens, and its closes. */
export interface RotatingSocket {
  configuration: { url: string };
  on(event: "close", listener: () => void): unknown;
}

/** Moves `socket` on to the next of `urls` at each close; with one URL (or none) it stays where it is. */
export function moveOnWhenClosed(socket: RotatingSocket, urls: readonly string[]): void {
  if (urls.length < 2) return;
  let at = Math.max(0, urls.indexOf(socket.configuration.url));
  socket.on("close", () => {
    at = (at + 1) % urls.length;
    socket.configuration.url = urls[at]!;
  });
}

/** The servers in a comma-separated list (`http(s)://` or `ws(s)://` addresses), as WebSocket bases without a trailing slash. */
export function serverList(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((server) => server.trim().replace(/^http/, "ws").replace(/\/+$/, ""))
    .filter((server) => /^wss?:\/\/./.test(server));
}
