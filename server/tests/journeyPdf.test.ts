import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import {
  addActions,
  byOrder,
  createTargetJourney,
  rateStep,
  setCardTextDirection,
  setTimelineDirection,
  readAll,
  type LaneKind,
} from "@journeyboard/shared";
import { acknowledged, connectSynced, type TestClient } from "./support/client";
import { startTestServer, tempDataDir } from "./support/server";
import { putCard } from "./support/cards";
import { pdfText } from "./support/pdf";

/** Lines of the method's source articles (shared/fixtures): Arabic, Persian and Polish. */
const seedLines = (
  Object.values(
    (
      JSON.parse(readFileSync(join(import.meta.dirname, "../../shared/fixtures/seed-texts.json"), "utf8")) as {
        texts: Record<string, string[]>;
      }
    ).texts,
  ) as string[][]
).flat();
/** Real text from the method's source articles: Arabic, Persian and Polish. */
const ARABIC = "رحلة العميل";
const PERSIAN = "برنامه شما برای سال آینده چیست؟";
const POLISH = "6 kroków do stworzenia efektywnej podróży klienta";

/** Where poppler finds each word on the pages: its left edge. */
function wordLefts(pdf: Uint8Array): Map<string, number> {
  const file = join(tempDataDir(), "journey.pdf");
  writeFileSync(file, pdf);
  const html = execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  return new Map([...html.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => [m[2]!, Number(m[1])]));
}

/** A right-to-left word as `pdftotext -bbox` names it: its letters in the order they sit on the page, left to right. */
const drawn = (word: string) => [...word].reverse().join("");

const pageCount = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString("latin1")
    .match(/\/Type \/Page\b/g)?.length ?? 0;

function put(client: TestClient, journeyId: string, kind: LaneKind, stageIndex: number, texts: string[]) {
  texts.forEach((text, i) =>
    putCard(
      client.doc,
      { id: `${kind}-${stageIndex}-${i}-${text.length}`, text, kind, stage: stageIndex, journeyId },
      client.origin,
    ),
  );
}

const journeys = (doc: Y.Doc) => readAll(doc, "journeys").sort(byOrder);

async function boardWithTarget() {
  const server = await startTestServer();
  const board = await server.createBoard({ title: "Onboarding" });
  const client = await connectSynced(server.url, board.id, board.links.facilitator.token);
  const current = journeys(client.doc)[0]!.id;
  put(client, current, "irritants", 0, ["I compare offers"]);
  createTargetJourney(client.doc, { sourceId: current, id: "target", title: "Target onboarding" }, client.origin);
  put(client, "target", "steps", 0, [ARABIC, PERSIAN]);
  put(client, "target", "steps", 1, [POLISH]);
  const steps = readAll(client.doc, "cards").filter((card) => card.journeyId === "target" && card.text !== POLISH);
  steps.forEach((card, i) =>
    rateStep(client.doc, { cardId: card.id, participantId: "p1", department: "sales", value: i - 1 }, client.origin),
  );
  await acknowledged(client);
  const download = async (query = "") => {
    const response = await fetch(`${server.url}/api/boards/${board.id}/export/journey.pdf${query}`, {
      headers: { authorization: `Bearer ${board.links.viewer.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    return new Uint8Array(await response.arrayBuffer());
  };
  return { server, board, client, download };
}

describe("journey.pdf", () => {
  it("is a poster of the target journey, Arabic and Persian in reading order, then the plan in priority order", async () => {
    const { client, download } = await boardWithTarget();
    const titles = ["Call back within a day", "تبسيط نموذج التسجيل", "Uprościć formularz"];
    addActions(
      client.doc,
      { actions: titles.map((title, i) => ({ id: `a${i}`, title, impact: 4, effort: 2, createdAt: 1 })) },
      client.origin,
    );
    await acknowledged(client);

    const pdf = await download();
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Target onboarding");
    expect(text).not.toContain("I compare offers");
    for (const words of [ARABIC, PERSIAN, POLISH]) expect(text).toContain(words);
    const plan = text.slice(text.indexOf("Action plan"));
    const positions = titles.map((title) => plan.indexOf(title));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("shows any journey asked for", async () => {
    const { client, download } = await boardWithTarget();
    const text = pdfText(await download(`?journey=${journeys(client.doc)[0]!.id}`));
    expect(text).toContain("I compare offers");
    expect(text).not.toContain(POLISH);
  });

  it("runs the stages from the right when the board's timeline runs right to left", async () => {
    const { client, download } = await boardWithTarget();
    const ltr = wordLefts(await download());
    expect(ltr.get("Awareness")!).toBeLessThan(ltr.get("Advocacy")!);
    setTimelineDirection(client.doc, { direction: "rtl" }, client.origin);
    await acknowledged(client);
    const rtl = wordLefts(await download());
    expect(rtl.get("Awareness")!).toBeGreaterThan(rtl.get("Advocacy")!);
    expect(rtl.get("Customer")!).toBeGreaterThan(rtl.get("Awareness")!);
  });

  it("sets a card's text in the direction the card is set to, whatever its first letter", async () => {
    const { client, download } = await boardWithTarget();
    // A Persian sentence that opens with a brand name: left to right from its content, right to left as set.
    putCard(
      client.doc,
      { id: "brand", text: "Digikala سفارشم را دیر فرستاد", kind: "steps", journeyId: "target" },
      client.origin,
    );
    await acknowledged(client);
    const auto = wordLefts(await download());
    expect(auto.get("Digikala")!).toBeLessThan(auto.get(drawn("سفارشم"))!);
    setCardTextDirection(client.doc, { id: "brand", textDirection: "rtl" }, client.origin);
    await acknowledged(client);
    const rtl = wordLefts(await download());
    expect(rtl.get("Digikala")!).toBeGreaterThan(rtl.get(drawn("سفارشم"))!);
    expect(rtl.get(drawn("سفارشم"))!).toBeGreaterThan(rtl.get(drawn("فرستاد"))!);
  });

  it("goes on over more pages when a journey is large, losing no card", async () => {
    const { client, download } = await boardWithTarget();
    const texts = Array.from({ length: 24 }, (_, i) => `Card ${i}: ${seedLines[i % seedLines.length]!.slice(0, 300)}`);
    put(client, "target", "ideas", 2, texts);
    await acknowledged(client);

    const pdf = await download();
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
    const text = pdfText(pdf);
    for (let i = 0; i < texts.length; i++) expect(text).toContain(`Card ${i}:`);
  });

  it("holds no script, link, action or reference to anything outside the file", async () => {
    const { client, download } = await boardWithTarget();
    const hostile = [
      "javascript:alert(1)",
      "https://example.com/x.png",
      "<script>alert(1)</script>",
      "/JavaScript (app.alert(1))",
    ];
    put(client, "target", "ideas", 0, hostile);
    addActions(
      client.doc,
      { actions: hostile.map((title, i) => ({ id: `h${i}`, title, createdAt: 1 })) },
      client.origin,
    );
    await acknowledged(client);

    const pdf = await download();
    const raw = Buffer.from(pdf).toString("latin1");
    for (const key of [
      "/JavaScript",
      "/JS",
      "/URI",
      "/Launch",
      "/OpenAction",
      "/AA",
      "/SubmitForm",
      "/GoToR",
      "/EmbeddedFile",
      "/RichMedia",
      "/ImportData",
      "/XFA",
    ]) {
      expect(raw).not.toMatch(new RegExp(`${key.replace("/", "\\/")}\\b`));
    }
    const text = pdfText(pdf);
    for (const words of hostile) expect(text).toContain(words);
  });

  it("answers 403 to a token of another board", async () => {
    const { server, board } = await boardWithTarget();
    const other = await server.createBoard({ title: "Other" });
    const response = await fetch(
      `${server.url}/api/boards/${board.id}/export/journey.pdf?token=${other.links.facilitator.token}`,
    );
    expect(response.status).toBe(403);
  });
});
