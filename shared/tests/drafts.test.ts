import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  LIMITS,
  PrivateDrafts,
  SESSION_PHASE,
  WORKSHOP_SESSION,
  deleteStage,
  draftShelfKey,
  localUserOrigin,
  publishOnReveal,
  readAll,
  type DraftShelf,
  type Phase,
} from "../src/index";
import { newBoardDoc } from "./boards";

function memoryShelf(): DraftShelf & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

function setUp() {
  const board = newBoardDoc();
  const shelf = memoryShelf();
  const key = draftShelfKey("board-1", "person-1");
  const draft = (id: string, text: string, stage = 0) => ({
    id,
    journeyId: board.journeyId,
    stageId: board.stages[stage]!.id,
    laneId: board.lanes[0]!.id,
    text,
    authorName: "Ola",
    authorDepartment: "sales",
    createdAt: 1,
  });
  return { ...board, shelf, key, draft, drafts: new PrivateDrafts(shelf, key) };
}

const texts = (doc: Y.Doc) => readAll(doc, "cards").map((card) => card.text);

describe("private drafts", () => {
  it("are kept on the shelf only, and read back by a page opened again", () => {
    const { doc, shelf, key, draft, drafts } = setUp();
    drafts.keep(draft("a", "Fees hidden"), draft("b", "No tracking"));
    expect(texts(doc)).toEqual([]);
    expect(new PrivateDrafts(shelf, key).list().map((d) => d.text)).toEqual(["Fees hidden", "No tracking"]);
    expect(new PrivateDrafts(shelf, draftShelfKey("board-1", "someone-else")).count).toBe(0);
  });

  it("take an edit on the shelf, read back after a reload and published with the edited text", () => {
    const { doc, shelf, key, draft, drafts } = setUp();
    drafts.keep(draft("a", "Fees hidden"), draft("b", "No tracking"));
    drafts.edit("a", "Fees hidden until the last step");
    drafts.edit("gone", "Nothing to edit");
    expect(() => drafts.edit("b", "x".repeat(LIMITS.cardText + 1))).toThrow();
    const reloaded = new PrivateDrafts(shelf, key);
    expect(reloaded.list().map((d) => [d.id, d.text])).toEqual([
      ["a", "Fees hidden until the last step"],
      ["b", "No tracking"],
    ]);
    reloaded.publish(doc, null, localUserOrigin(), null);
    expect(texts(doc).sort()).toEqual(["Fees hidden until the last step", "No tracking"]);
  });

  it("publish as cards of their author in one transaction, and are forgotten here", () => {
    const { doc, draft, drafts, shelf } = setUp();
    drafts.keep(draft("a", "Fees hidden"), draft("b", "No tracking"));
    let transactions = 0;
    doc.on("afterTransaction", () => transactions++);
    const ola = "a".repeat(64);
    expect(drafts.publish(doc, null, localUserOrigin(), ola)).toEqual(["a", "b"]);
    expect(transactions).toBe(1);
    expect(readAll(doc, "cards").map(({ text, authorName, authorId }) => ({ text, authorName, authorId }))).toEqual([
      { text: "Fees hidden", authorName: "Ola", authorId: ola },
      { text: "No tracking", authorName: "Ola", authorId: ola },
    ]);
    expect(drafts.count).toBe(0);
    expect(shelf.items.size).toBe(0);
  });

  it("published from one tab are not written again by another tab of the same person", () => {
    const { doc, shelf, key, draft, drafts } = setUp();
    const otherTab = new PrivateDrafts(shelf, key);
    drafts.keep(draft("a", "Fees hidden"));
    expect(otherTab.count).toBe(1);
    drafts.publish(doc, ["a"], localUserOrigin(), null);
    expect(otherTab.publish(doc, null, localUserOrigin(), null)).toEqual([]);
    expect(texts(doc)).toEqual(["Fees hidden"]);
  });

  it("whose cell is gone stay drafts, so no words are lost", () => {
    const { doc, stages, draft, drafts } = setUp();
    drafts.keep(draft("a", "In a stage that goes", 1), draft("b", "Stays"));
    deleteStage(doc, { id: stages[1]!.id }, localUserOrigin());
    expect(drafts.publish(doc, null, localUserOrigin(), null)).toEqual(["b"]);
    expect(drafts.list().map((d) => d.text)).toEqual(["In a stage that goes"]);
  });

  it("read nothing from a shelf holding something else", () => {
    const { shelf, key } = setUp();
    shelf.setItem(key, '[{"id":"x"}, 3, null]');
    expect(new PrivateDrafts(shelf, key).count).toBe(0);
    shelf.setItem(key, "not json");
    expect(new PrivateDrafts(shelf, key).count).toBe(0);
  });
});

describe("publishing on the reveal", () => {
  function watching(role: "participant" | "facilitator" = "participant") {
    const setup = setUp();
    const workshop = new Y.Doc();
    let live = false;
    const watch = publishOnReveal({
      drafts: setup.drafts,
      board: setup.doc,
      workshop,
      role,
      author: () => null,
      origin: localUserOrigin(),
      live: () => live,
    });
    const setPhase = (phase: Phase) => workshop.getMap(WORKSHOP_SESSION).set(SESSION_PHASE, phase);
    const goLive = () => {
      live = true;
      watch.check();
    };
    return { ...setup, setPhase, goLive };
  }

  it("publishes nothing while drafting, nor on a phase not read from the server", () => {
    const { doc, draft, drafts, setPhase, goLive } = watching();
    drafts.keep(draft("a", "Fees hidden"));
    setPhase("diverge");
    expect(texts(doc)).toEqual([]);
    setPhase("draft");
    goLive();
    expect(texts(doc)).toEqual([]);
  });

  it("publishes once the reveal stands, then or on coming back", () => {
    const { doc, draft, drafts, setPhase, goLive } = watching();
    drafts.keep(draft("a", "Fees hidden"));
    setPhase("diverge");
    goLive();
    expect(texts(doc)).toEqual(["Fees hidden"]);
    expect(drafts.count).toBe(0);
  });

  it("keeps a participant's drafts through a phase where they may add no cards", () => {
    const { doc, draft, drafts, setPhase, goLive } = watching();
    drafts.keep(draft("a", "Fees hidden"));
    setPhase("vote");
    goLive();
    expect(texts(doc)).toEqual([]);
    setPhase("open");
    expect(texts(doc)).toEqual(["Fees hidden"]);
  });
});
