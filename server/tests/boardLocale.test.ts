import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  addActions,
  exportBoard,
  metaMap,
  readAll,
  type ApiError,
  type CreateBoardResponse,
} from "@journeyboard/shared";
import { acknowledged, connectSynced } from "./support/client";
import { eventually } from "./support/eventually";
import { attack, importFile } from "./support/hostile";
import { putCard } from "./support/cards";
import { pdfText } from "./support/pdf";
import { startTestServer } from "./support/server";

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** A board in a language, with a customer step and an action owned by a preset department. */
async function boardIn(server: Server, locale: string, stageSet = "macro"): Promise<CreateBoardResponse> {
  const board = await server.createBoard({ title: "Sukienka", template: "currentState", stageSet, locale });
  const client = await connectSynced(server.url, board.id, board.links.facilitator.token);
  putCard(client.doc, { id: "step", text: "Szukam sukienki", kind: "steps" }, client.origin);
  addActions(
    client.doc,
    { actions: [{ id: "a1", title: "Oddzwonić", ownerDepartment: "callCentre", createdAt: 1 }] },
    client.origin,
  );
  await acknowledged(client);
  expect(readAll(client.doc, "journeys")).toHaveLength(1);
  return board;
}

const download = (server: Server, board: CreateBoardResponse, file: string) =>
  fetch(`${server.url}/api/boards/${board.id}/export/${file}?token=${board.links.viewer.token}`);

describe("a board's language", () => {
  it("writes a Polish board's CSV exports in Polish: headers, preset stages and lanes, departments, horizons", async () => {
    const server = await startTestServer();
    const board = await boardIn(server, "pl");
    const journey = parse(await (await download(server, board, "journey.csv")).text(), { bom: true }) as string[][];
    expect(journey[0]!.slice(0, 2)).toEqual(["etap", "Kroki klienta"]);
    expect(journey.map((row) => row[0])).toEqual(["etap", "Przed zakupem", "Zakup", "Po zakupie"]);
    const plan = parse(await (await download(server, board, "action-plan.csv")).text(), { bom: true }) as string[][];
    expect(plan[0]).toEqual([
      "priorytet",
      "działanie",
      "opis",
      "rodzaj",
      "odpowiedzialny",
      "wpływ",
      "nakład",
      "horyzont",
      "status",
      "kropki",
      "odpowiada na",
      "etapy",
    ]);
    expect(plan[1]!.slice(3, 9)).toEqual(["Duża zmiana", "Call center", "3", "3", "W tym miesiącu", "Zaproponowane"]);
    const markdown = await (await download(server, board, "action-plan.md")).text();
    expect(markdown).toMatch(/^# Plan działań: Sukienka\n/);
    expect(markdown).toContain("| # | Działanie | Rodzaj | Odpowiedzialny |");
  });

  it("prints an Arabic board's preset stage names in its PDF", async () => {
    const server = await startTestServer();
    const board = await boardIn(server, "ar", "fivePhases");
    const text = pdfText(new Uint8Array(await (await download(server, board, "journey.pdf")).arrayBuffer()));
    // الاحتفاظ holds the lam-alef ligature, which reads back as typed.
    for (const stage of ["الوعي", "المفاضلة", "الشراء", "الاحتفاظ", "التوصية", "خطوات العميل", "خطة العمل"])
      expect(text).toContain(stage);
    expect(text).not.toMatch(/Awareness|Customer steps|Action plan/);
  });

  it("refuses a language it has no catalog for, naming the field", async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/api/boards`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Kleid", locale: "de" }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^locale: /);
  });

  it("refuses a board language it has no catalog for from the facilitator's socket and in an imported file", async () => {
    const server = await startTestServer();
    const board = await server.createBoard({ title: "Kleid", locale: "pl" });
    const token = board.links.facilitator.token;
    const watcher = await connectSynced(server.url, board.id, token);
    const setLocale = (locale: string) => (client: Parameters<Parameters<typeof attack>[3]>[0]) =>
      client.doc.transact(() => metaMap(client.doc).set("locale", locale), client.origin);
    for (const locale of ["de", "", "pl-PL"])
      expect(await attack(server, board.id, token, setLocale(locale))).toMatchObject({ reason: "invalid" });
    expect(metaMap(watcher.doc).get("locale")).toBe("pl");

    const facilitator = await connectSynced(server.url, board.id, token);
    facilitator.doc.transact(() => metaMap(facilitator.doc).set("locale", "fa"), facilitator.origin);
    await eventually(() => expect(metaMap(watcher.doc).get("locale")).toBe("fa"));

    const file = exportBoard(watcher.doc);
    const refused = await importFile(server, { ...file, meta: { ...file.meta, locale: "de" } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: "invalid-file",
      problem: "invalid",
      field: "meta.locale",
    } satisfies Partial<ApiError>);
    expect((await importFile(server, file)).status).toBe(201);
  });
});
