import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addCard,
  addJourney,
  editCardText,
  initBoard,
  lanesOf,
  localUserOrigin,
  metaMap,
  renameStage,
  serverOrigin,
  stagesOf,
} from "@journeyboard/shared";
import { UnsentChanges, type KeyValueStore } from "./unsent";

class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

/** A board as the server sends it: made elsewhere, applied here as a remote update. */
function boardFromServer() {
  const server = new Y.Doc();
  initBoard(server, { title: "t", locale: "en", createdAt: 1 }, serverOrigin("create-board"));
  addJourney(
    server,
    { id: "j", title: "", mapType: "currentState", stageSet: "macro", personaId: null },
    serverOrigin("create-board"),
  );
  const doc = new Y.Doc();
  return { server, doc, apply: () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc))) };
}

const card = (id: string, text: string, doc: Y.Doc) => {
  const [stage] = stagesOf(doc, "j");
  const [lane] = lanesOf(doc, "j");
  return {
    id,
    journeyId: "j",
    stageId: stage!.id,
    laneId: lane!.id,
    text,
    authorName: "",
    authorDepartment: "sales",
    createdAt: 1,
  };
};

describe("UnsentChanges", () => {
  it("counts each thing changed here once, however many keystrokes it took, and nothing that came from the server", () => {
    const { server, doc, apply } = boardFromServer();
    const store = new MemoryStore();
    const unsent = new UnsentChanges(doc, store, "unsent");
    apply();
    expect(unsent.count).toBe(0);

    const me = localUserOrigin();
    addCard(doc, card("c1", "I", doc), me);
    for (const text of ["I w", "I wait", "I wait here"]) editCardText(doc, { id: "c1", text }, me);
    renameStage(doc, { id: stagesOf(doc, "j")[0]!.id, title: "Arrival" }, me);
    metaMap(doc).set("title", "Train");
    expect(unsent.count).toBe(3);

    addCard(server, card("c2", "from a colleague", server), localUserOrigin());
    apply();
    expect(unsent.count).toBe(3);
  });

  it("keeps the count for a board opened again, until the server has it all", () => {
    const { doc, apply } = boardFromServer();
    apply();
    const store = new MemoryStore();
    const unsent = new UnsentChanges(doc, store, "unsent");
    addCard(doc, card("c1", "written offline", doc), localUserOrigin());
    unsent.destroy();

    const reopened = new UnsentChanges(new Y.Doc(), store, "unsent");
    expect(reopened.count).toBe(1);
    const heard: number[] = [];
    reopened.subscribe(() => heard.push(reopened.count));
    reopened.clear();
    expect(heard).toEqual([0]);
    expect(new UnsentChanges(new Y.Doc(), store, "unsent").count).toBe(0);
  });
});
