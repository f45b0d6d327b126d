import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { splitUpdate } from "../src/storage/splitUpdate";

/** A document written by three clients taking turns: maps, nested maps, text typed and deleted, records deleted. */
function busyDocument(): Y.Doc {
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  const sync = () => {
    for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  };
  for (let round = 0; round < 30; round++) {
    const doc = docs[round % 3]!;
    const cards = doc.getMap<Y.Map<unknown>>("cards");
    const card = new Y.Map<unknown>();
    cards.set(`card-${round}`, card);
    const text = new Y.Text();
    card.set("text", text);
    text.insert(0, `أنتظر ${round} on the phone`);
    card.set("order", `a${round}`);
    (cards.get(`card-${round - 3}`)?.get("text") as Y.Text | undefined)?.insert(2, "ZWNJ‌ ");
    if (round % 7 === 0 && round > 0) cards.delete(`card-${round - 1}`);
    if (round % 5 === 0) (cards.get(`card-${round}`)!.get("text") as Y.Text).delete(0, 3);
    doc.getMap("meta").set("title", `round ${round}`);
    sync();
  }
  return docs[0]!;
}

describe("splitUpdate", () => {
  it("splits an update into pieces that build the same document, whatever the piece size", () => {
    const source = busyDocument();
    const whole = Y.encodeStateAsUpdate(source);
    for (const size of [1, 3, 17, 10_000]) {
      const pieces = splitUpdate(whole, size);
      const built = new Y.Doc();
      for (const piece of pieces) Y.applyUpdate(built, piece);
      expect(built.getMap("cards").toJSON()).toEqual(source.getMap("cards").toJSON());
      expect(built.getMap("meta").toJSON()).toEqual(source.getMap("meta").toJSON());
      expect(Y.encodeStateVector(built)).toEqual(Y.encodeStateVector(source));
      expect(built.store.pendingStructs).toBeNull();
      expect(Y.snapshotContainsUpdate(Y.snapshot(built), whole)).toBe(true);
    }
  });

  it("makes pieces of at most the size asked for, and one more for the deletions", () => {
    const whole = Y.encodeStateAsUpdate(busyDocument());
    const structs = Y.decodeUpdate(whole).structs.length;
    const pieces = splitUpdate(whole, 10);
    expect(pieces).toHaveLength(Math.ceil(structs / 10) + 1);
    for (const piece of pieces.slice(0, -1)) expect(Y.decodeUpdate(piece).structs.length).toBeLessThanOrEqual(10);
    expect(Y.decodeUpdate(pieces.at(-1)!).structs).toHaveLength(0);
  });
});
