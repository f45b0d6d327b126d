import { describe, expect, it } from "vitest";
import {
  PrivateDrafts,
  SESSION_PHASE,
  WORKSHOP_SESSION,
  draftShelfKey,
  lanesOf,
  newId,
  publishOnReveal,
  readAll,
  stagesOf,
  type DraftShelf,
  type Phase,
} from "@journeyboard/shared";
import { acknowledged, connectSynced, type TestClient } from "./support/client";
import { eventually } from "./support/eventually";
import { startTestServer, type TestServer } from "./support/server";
import { connectWorkshop } from "./support/voting";

/** A browser's localStorage, as far as drafts use it. */
function memoryShelf(): DraftShelf {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

interface Person {
  name: string;
  board: TestClient;
  workshop: TestClient;
  /** Every frame this person's two sockets received, as text. */
  frames: string[];
  drafts: PrivateDrafts;
  messages: { type: string; reason?: string }[];
}

/** Someone in the workshop, running the app's own draft code (`PrivateDrafts`, `publishOnReveal`) on real sockets. */
async function join(
  server: TestServer,
  boardId: string,
  token: string,
  name: string,
  role: "facilitator" | "participant",
): Promise<Person> {
  const frames: string[] = [];
  const messages: Person["messages"] = [];
  const onStateless = (payload: string) => messages.push(JSON.parse(payload) as Person["messages"][number]);
  const board = await connectSynced(server.url, boardId, token, { frames, onStateless });
  const workshop = await connectWorkshop(server.url, boardId, token, { frames });
  board.provider.setAwarenessField("user", { name, department: "sales", colour: "#336699" });
  const drafts = new PrivateDrafts(memoryShelf(), draftShelfKey(boardId, name));
  const watch = publishOnReveal({
    drafts,
    board: board.doc,
    workshop: workshop.doc,
    role,
    author: () => null,
    origin: board.origin,
    live: () => board.provider.isSynced && workshop.provider.isSynced,
  });
  board.provider.on("synced", watch.check);
  workshop.provider.on("synced", watch.check);
  drafts.subscribe(() => board.provider.setAwarenessField("drafts", drafts.count));
  return { name, board, workshop, frames, drafts, messages };
}

function writeDraft(person: Person, text: string, stage = 0): string {
  const journeyId = readAll(person.board.doc, "journeys")[0]!.id;
  const id = newId();
  person.drafts.keep({
    id,
    journeyId,
    stageId: stagesOf(person.board.doc, journeyId)[stage]!.id,
    laneId: lanesOf(person.board.doc, journeyId)[0]!.id,
    text,
    authorName: person.name,
    authorDepartment: "sales",
    createdAt: 1,
  });
  return id;
}

const phaseIn = (person: Person) => person.workshop.doc.getMap(WORKSHOP_SESSION).get(SESSION_PHASE);
const send = (person: Person, command: object) => person.board.provider.sendStateless(JSON.stringify(command));
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const cardTexts = (person: Person) => readAll(person.board.doc, "cards").map((card) => card.text);

/** Every answer the HTTP API gives about the board: its exports, its file, its history. */
async function everyAnswer(server: TestServer, boardId: string, token: string): Promise<string> {
  const read = async (path: string) => {
    const response = await fetch(`${server.url}/api/boards/${boardId}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status, path).toBe(200);
    return response.text();
  };
  // One at a time: an address may have two exports under way.
  const answers = [await read("/session")];
  for (const file of ["board.json", "action-plan.csv", "action-plan.md", "journey.csv", "journey.mmd", "votes.csv"])
    answers.push(await read(`/export/${file}`));
  const snapshots = JSON.parse(await read("/snapshots")) as { id: string }[];
  expect(snapshots.length).toBeGreaterThan(0);
  for (const snapshot of snapshots) answers.push(await read(`/snapshots/${snapshot.id}`));
  return answers.join("\n");
}

async function draftingWorkshop() {
  const server = await startTestServer();
  const board = await server.createBoard();
  const facilitator = await join(server, board.id, board.links.facilitator.token, "Fatima", "facilitator");
  const ola = await join(server, board.id, board.links.participant.token, "Ola", "participant");
  const reza = await join(server, board.id, board.links.participant.token, "Reza", "participant");
  const viewerFrames: string[] = [];
  await connectSynced(server.url, board.id, board.links.viewer.token, { frames: viewerFrames });
  await connectWorkshop(server.url, board.id, board.links.viewer.token, { frames: viewerFrames });
  const setPhase = async (phase: Phase) => {
    send(facilitator, { type: "phase.set", phase });
    await eventually(() => [facilitator, ola, reza].forEach((person) => expect(phaseIn(person)).toBe(phase)));
  };
  return { server, board, facilitator, ola, reza, viewerFrames, setPhase };
}

describe("Private drafting", () => {
  it("sends no byte of a draft to anyone, by socket or HTTP, before the reveal; after it every draft is on the board once", async () => {
    const { server, board, facilitator, ola, reza, viewerFrames, setPhase } = await draftingWorkshop();
    await setPhase("draft");
    const olaWords = ["zqxMarkerOlaOne", "zqxMarkerOlaTwo"];
    const rezaWords = ["zqxMarkerRezaOne", "zqxMarkerRezaTwo", "zqxMarkerRezaThree"];
    olaWords.forEach((word) => writeDraft(ola, word));
    rezaWords.forEach((word, index) => writeDraft(reza, word, index % 2));
    const allWords = [...olaWords, ...rezaWords];

    // The facilitator learns how many drafts each person holds, and nothing else of them.
    await eventually(() => {
      const counts = [...facilitator.board.provider.awareness!.getStates().values()].map((state) => state.drafts);
      expect(counts).toEqual(expect.arrayContaining([2, 3]));
    });
    // A change of the workshop goes round, so every socket has had time to receive whatever it would.
    send(facilitator, { type: "timer.start", seconds: 600 });
    await eventually(() =>
      [ola, reza].forEach((person) => expect(person.workshop.doc.getMap(WORKSHOP_SESSION).get("timer")).toBeDefined()),
    );
    expect(readAll(facilitator.board.doc, "cards")).toHaveLength(0);

    const seenByOthers = (author: Person) =>
      [facilitator, ola, reza].filter((person) => person !== author).flatMap((person) => person.frames);
    const before = [
      ...seenByOthers(ola).filter((frame) => olaWords.some((word) => frame.includes(word))),
      ...seenByOthers(reza).filter((frame) => rezaWords.some((word) => frame.includes(word))),
      ...viewerFrames.filter((frame) => allWords.some((word) => frame.includes(word))),
    ];
    expect(before).toEqual([]);
    const answersBefore = await everyAnswer(server, board.id, board.links.facilitator.token);
    expect(allWords.filter((word) => answersBefore.includes(word))).toEqual([]);

    // Reza is offline at the reveal, and publishes when he comes back while it stands.
    await reza.board.goOffline();
    await reza.workshop.goOffline();
    send(facilitator, { type: "drafts.reveal" });
    await eventually(() => expect(phaseIn(facilitator)).toBe("diverge"));
    await eventually(() => expect(cardTexts(facilitator).sort()).toEqual([...olaWords].sort()));
    expect(ola.drafts.count).toBe(0);
    expect(reza.drafts.count).toBe(3);
    reza.board.goOnline();
    reza.workshop.goOnline();
    await eventually(() => expect(cardTexts(facilitator).sort()).toEqual([...allWords].sort()));
    await acknowledged(reza.board);
    expect(reza.drafts.count).toBe(0);

    for (const person of [facilitator, ola, reza]) {
      await eventually(() => expect(cardTexts(person).sort()).toEqual([...allWords].sort()));
    }
    const boardFile = await (
      await fetch(`${server.url}/api/boards/${board.id}/export/board.json`, {
        headers: { authorization: `Bearer ${board.links.viewer.token}` },
      })
    ).text();
    expect(allWords.map((word) => occurrences(boardFile, word))).toEqual(allWords.map(() => 1));
    expect(allWords.filter((word) => !viewerFrames.some((frame) => frame.includes(word)))).toEqual([]);
    const olaCard = readAll(facilitator.board.doc, "cards").find((card) => card.text === olaWords[0]);
    expect(olaCard).toMatchObject({ authorName: "Ola", authorDepartment: "sales" });
  });

  it("publishes one draft when its author asks, and keeps the others private", async () => {
    const { facilitator, ola, setPhase } = await draftingWorkshop();
    await setPhase("draft");
    const shared = writeDraft(ola, "zqxSharedEarly");
    writeDraft(ola, "zqxStillPrivate");
    expect(ola.drafts.publish(ola.board.doc, [shared], ola.board.origin, null)).toEqual([shared]);
    await eventually(() => expect(cardTexts(facilitator)).toEqual(["zqxSharedEarly"]));
    await acknowledged(ola.board);
    expect(facilitator.frames.filter((frame) => frame.includes("zqxStillPrivate"))).toEqual([]);
    expect(ola.drafts.list().map((draft) => draft.text)).toEqual(["zqxStillPrivate"]);
  });

  it("lets only the facilitator reveal, only while drafting, and keeps the workshop from leaving drafting where drafts could not be published", async () => {
    const { facilitator, ola, setPhase } = await draftingWorkshop();
    send(facilitator, { type: "drafts.reveal" });
    await eventually(() =>
      expect(facilitator.messages).toContainEqual(expect.objectContaining({ reason: "not-drafting" })),
    );
    await setPhase("draft");
    send(ola, { type: "drafts.reveal" });
    await eventually(() => expect(ola.messages).toContainEqual(expect.objectContaining({ reason: "forbidden" })));
    send(facilitator, { type: "phase.set", phase: "vote" });
    await eventually(() =>
      expect(facilitator.messages).toContainEqual(expect.objectContaining({ reason: "drafts-unrevealed" })),
    );
    expect(phaseIn(facilitator)).toBe("draft");
    await setPhase("open");
  });
});
