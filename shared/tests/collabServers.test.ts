import { describe, expect, it } from "vitest";
import { moveOnWhenClosed, serverList, type RotatingSocket } from "../src/protocol/collabServers";

/** A socket that closes when told, as a provider's does when its server goes. */
function socketAt(url: string) {
  const listeners: (() => void)[] = [];
  const socket: RotatingSocket & { close(): void } = {
    configuration: { url },
    on: (_event, listener) => listeners.push(listener),
    close: () => listeners.forEach((listener) => listener()),
  };
  return socket;
}

describe("several servers for one client", () => {
  it("are read from a comma-separated list as WebSocket bases, leaving out what is not an address", () => {
    expect(serverList(" http://a:3000/, https://b.example.org ,ws://c:1,,nonsense,ftp://d")).toEqual([
      "ws://a:3000",
      "wss://b.example.org",
      "ws://c:1",
    ]);
    expect(serverList(undefined)).toEqual([]);
  });

  it("are taken in turn, one more at each close, round and round", () => {
    const urls = ["ws://a/collab", "ws://b/collab", "ws://c/collab"];
    const socket = socketAt(urls[0]!);
    moveOnWhenClosed(socket, urls);
    const visited = [socket.configuration.url];
    for (let i = 0; i < 4; i++) {
      socket.close();
      visited.push(socket.configuration.url);
    }
    expect(visited).toEqual([urls[0], urls[1], urls[2], urls[0], urls[1]]);
  });

  it("leave a socket with one server where it is", () => {
    const socket = socketAt("ws://only/collab");
    moveOnWhenClosed(socket, ["ws://only/collab"]);
    socket.close();
    expect(socket.configuration.url).toBe("ws://only/collab");
  });
});
