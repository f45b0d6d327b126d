import { MessageType } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import { expect } from "vitest";
import type { ViewArea } from "@journeyboard/shared";
import { readAwareness, readEnvelope, type AwarenessEntry } from "../../src/gateway/frames";
import { connectSynced, type TestClient } from "./client";
import { eventually } from "./eventually";

/** What the tests put in and read out of a person's presence. */
export interface Shown {
  user?: { id?: string; name: string; role?: string };
  cursor?: { x: number; y: number } | null;
  view?: ViewArea | null;
}

export const shownBy = (watcher: TestClient, clientId: number) =>
  watcher.provider.awareness!.getStates().get(clientId) as Shown | undefined;

/** One awareness message as it reached a client: when, and its entries. */
export interface ReceivedPresence {
  at: number;
  entries: AwarenessEntry[];
}

/** Keeps every awareness message a client's socket receives (the frames of `onFrame`). */
export function presenceLog(): { received: ReceivedPresence[]; onFrame: (frame: Uint8Array) => void } {
  const received: ReceivedPresence[] = [];
  const onFrame = (frame: Uint8Array) => {
    // The heartbeat, a Ping alone, names no document.
    if (frame.byteLength === 1) return;
    const envelope = readEnvelope(frame);
    if (envelope.type !== MessageType.Awareness) return;
    received.push({ at: performance.now(), entries: readAwareness(decoding.readVarUint8Array(envelope.decoder)) });
  };
  return { received, onFrame };
}

/** Connects `count` people, ten at a time, in turn to each of `urls`; person i says they are `p<i>`, "Person i". */
export async function connectPeople(
  urls: readonly string[],
  boardId: string,
  token: string,
  count: number,
): Promise<TestClient[]> {
  const people: TestClient[] = [];
  for (let first = 0; first < count; first += 10) {
    const batch = Array.from({ length: Math.min(10, count - first) }, (_, k) =>
      connectSynced(urls[(first + k) % urls.length]!, boardId, token),
    );
    people.push(...(await Promise.all(batch)));
  }
  people.forEach((person, i) =>
    person.provider.setAwarenessField("user", {
      id: `p${i}`,
      name: `Person ${i}`,
      department: "sales",
      colour: "#336699",
    }),
  );
  return people;
}

/** Waits until `watcher` lists everyone in `people` by name. */
export const listsEveryone = (watcher: TestClient, people: readonly TestClient[]) =>
  eventually(() => {
    for (const [i, person] of people.entries()) {
      expect(shownBy(watcher, person.doc.clientID)?.user?.name).toBe(`Person ${i}`);
    }
  });

const JOURNEY = "journey";
/** What the watcher has on screen. */
export const WATCHED: ViewArea = { journeyId: JOURNEY, x: 0, y: 0, width: 1000, height: 1000 };

/**
 * Where person i points: the first ten in the watcher's view, the others
 * beyond its right edge, each further than the one before (so the nearest
 * are 10 to 39), on the journey their own view shows.
 */
export const pointerOf = (i: number, step = 0) => ({
  x: (i < 10 ? i * 100 + 50 : 1000 + (i - 9) * 100) + step,
  y: 500,
});
const viewAround = ({ x, y }: { x: number; y: number }): ViewArea => ({
  journeyId: JOURNEY,
  x,
  y,
  width: 10,
  height: 10,
});

export function point(person: TestClient, at: { x: number; y: number }) {
  person.provider.setAwarenessField("view", viewAround(at));
  person.provider.setAwarenessField("cursor", at);
}
