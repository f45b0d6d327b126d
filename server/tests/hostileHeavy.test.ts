import { readFileSync, readdirSync } from "node:fs";
import { getPriority } from "node:os";
import { describe, expect, it } from "vitest";
import { keyAtEnd, type BoardFile, type CardRecord, type CreateBoardResponse } from "@journeyboard/shared";
import type { HeavyWorkLimits } from "../src/heavy/HeavyWork";
import { board, importFile, stillServing } from "./support/hostile";
import { startTestServer, type TestServer } from "./support/server";

/** A board file of `count` cards more than the board's own first one. */
function fileWithCards(source: BoardFile, count: number, prefix = "c"): BoardFile {
  const file = structuredClone(source);
  const [card] = file.records.cards as [CardRecord];
  let order = card.order;
  for (let i = 0; i < count; i++) {
    order = keyAtEnd([{ id: "", order }]);
    file.records.cards.push({
      ...card,
      id: `${prefix}${i}`,
      order,
      text: `Card ${i}: I wait on the phone for an answer`,
    });
  }
  return file;
}

const download = (server: TestServer, board: CreateBoardResponse, file: string) =>
  fetch(`${server.url}/api/boards/${board.id}/export/${file}`, {
    headers: { authorization: `Bearer ${board.links.viewer.token}` },
  });

/** A new board of `cards` cards, imported, with the file it came from. */
async function bigBoard(server: TestServer, cards: number) {
  const empty = await server.createBoard();
  const source = (await (await download(server, empty, "board.json")).json()) as BoardFile;
  source.records.cards.push({
    id: "first",
    journeyId: source.records.journeys[0]!.id,
    stageId: source.records.stages[0]!.id,
    laneId: source.records.lanes[0]!.id,
    text: "first",
    order: keyAtEnd([]),
    authorName: "",
    authorDepartment: "sales",
    createdAt: 1,
    authorId: null,
    textDirection: "auto",
    mergedInto: null,
    cluster: null,
  });
  const file = fileWithCards(source, cards);
  const response = await importFile(server, file);
  expect(response.status).toBe(201);
  return { board: (await response.json()) as CreateBoardResponse, file };
}

/** The nice value of each thread of this process (Linux: field 19 of /proc/self/task/<id>/stat, after the name). */
const threadNiceValues = () =>
  readdirSync("/proc/self/task").map((task) => {
    const stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  });

const limitedServer = (heavyLimits: Partial<HeavyWorkLimits>) => startTestServer({}, { heavyLimits });

describe("one person cannot take a workshop down: heavy work off the event loop", () => {
  it("draws a big board's PDF and reads a big import in other threads while another board's edits go on", async () => {
    const { server, facilitator, bystander } = await board();
    const big = await bigBoard(server, 5_000);

    const pdf = download(server, big.board, "journey.pdf");
    const importing = importFile(server, fileWithCards(big.file, 3_000, "more"));
    // Set by the PDF's answer while the loop below awaits, which TypeScript's narrowing cannot see.
    let drawn = false as boolean;
    void pdf.finally(() => (drawn = true));
    // Every edit made while the PDF is drawn gets through, however soon or late the drawing starts.
    let probes = 0;
    do await stillServing(server, facilitator, bystander, `during-heavy-work-${probes++}`);
    while (!drawn);

    const answer = await pdf;
    expect(answer.status).toBe(200);
    expect(
      Buffer.from(await answer.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect((await importing).status).toBe(201);
  }, 120_000);

  it("runs heavy work at the lowest priority, so that it takes only the CPU the thread relaying edits leaves", async () => {
    const { server } = await board();
    const created = await server.createBoard();
    expect(threadNiceValues()).not.toContain(19);
    expect((await download(server, created, "journey.pdf")).status).toBe(200);
    expect(threadNiceValues()).toContain(19);
    expect(getPriority()).toBe(0);
  });

  it("answers 429 to an address that already has heavy work under way", async () => {
    const server = await limitedServer({ threads: 1, queued: 4, perAddress: 1 });
    const { board: big } = await bigBoard(server, 300);
    const answers = await Promise.all([download(server, big, "journey.pdf"), download(server, big, "journey.pdf")]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 429]);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.json()).toMatchObject({ error: "too-many-requests" });
    expect((await download(server, big, "journey.pdf")).status).toBe(200);
  }, 120_000);

  it("answers 503 with Retry-After when every thread and place in the queue is taken", async () => {
    const server = await limitedServer({ threads: 1, queued: 0, perAddress: 10 });
    const { board: big } = await bigBoard(server, 300);
    const answers = await Promise.all([download(server, big, "journey.pdf"), download(server, big, "board.json")]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 503]);
    const refused = answers.find((a) => a.status === 503)!;
    expect(refused.headers.get("retry-after")).toBe("10");
    expect(await refused.json()).toMatchObject({ error: "server-busy" });
  }, 120_000);

  it("stops work that runs past its time: an export answers 503, an import 400 invalid-file, and nothing is created", async () => {
    const server = await limitedServer({ timeoutMs: 1 });
    const created = await server.createBoard();
    const answer = await download(server, created, "journey.pdf");
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({ error: "took-too-long" });
    const file = { format: "journeyboard/board", schemaVersion: 5, meta: {}, records: {} };
    const imported = await importFile(server, file);
    expect(imported.status).toBe(400);
    expect(await imported.json()).toMatchObject({ error: "invalid-file", message: "file: takes too long to read" });
  });
});
