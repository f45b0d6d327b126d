import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addActions, type CreateBoardResponse } from "@journeyboard/shared";
import { acknowledged, connectSynced } from "./support/client";
import { putCard } from "./support/cards";
import { pdfText } from "./support/pdf";
import { startTestServer, tempDataDir, type TestServer } from "./support/server";

/** Lines of the seed articles (shared/seeds) with the lam-alef ligature, Persian ZWNJs, Polish letters. */
const LAM_ALEF = ["فلا داعي للذعر", "يمكنك الاعتماد عليه", "فعندما يشعر بالاهتمام"];
const PERSIAN = "با کفش\u200cهای مشتری";
/** The issue's own example: "I want", which reads as two other words when the ZWNJ is lost. */
const WANT = "من می\u200cخواهم سفارشم را پیگیری کنم";
const POLISH = "Tracą zainteresowanie w połowie";
const EMOJI_FIRST = "🙂 العميل هو المركز";

async function boardWith(server: TestServer, locale: string, cards: string[]): Promise<CreateBoardResponse> {
  const board = await server.createBoard({ title: "رحلة", template: "currentState", locale });
  const client = await connectSynced(server.url, board.id, board.links.facilitator.token);
  cards.forEach((text, i) => putCard(client.doc, { id: `c${i}`, text, kind: "steps", stage: i % 3 }, client.origin));
  addActions(
    client.doc,
    { actions: [{ id: "a1", title: "الاتصال بالعميل", ownerDepartment: "callCentre", createdAt: 1 }] },
    client.origin,
  );
  await acknowledged(client);
  return board;
}

const pdfOf = async (server: TestServer, board: CreateBoardResponse) =>
  new Uint8Array(
    await (
      await fetch(`${server.url}/api/boards/${board.id}/export/journey.pdf?token=${board.links.viewer.token}`)
    ).arrayBuffer(),
  );

function poppler(tool: "pdffonts" | "pdftotext", pdf: Uint8Array, args: string[] = []): string {
  const file = join(tempDataDir(), "journey.pdf");
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
}

describe("the PDF's fonts and text", () => {
  it("sets every text in Vazirmatn, the app's typeface, and emoji in Noto Emoji, all embedded", async () => {
    const server = await startTestServer();
    const pdf = await pdfOf(server, await boardWith(server, "ar", [POLISH, EMOJI_FIRST, PERSIAN]));
    const fonts = poppler("pdffonts", pdf);
    expect(fonts).toMatch(/\+Vazirmatn-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/\+Vazirmatn-Bold\s/);
    expect(fonts).toMatch(/\+NotoEmoji-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toMatch(/DejaVu/);
    const text = pdfText(pdf);
    expect(text).toContain(POLISH);
    expect(text).toContain(EMOJI_FIRST);
  });

  it("reads back Persian words with their zero-width non-joiners, where they were typed", async () => {
    const server = await startTestServer();
    const text = pdfText(await pdfOf(server, await boardWith(server, "fa", [PERSIAN, WANT])));
    expect(text).toContain(PERSIAN);
    expect(text).toContain(WANT);
  });

  it("reads back the lam-alef ligature as typed: lam, then alef", async () => {
    const server = await startTestServer();
    const text = pdfText(await pdfOf(server, await boardWith(server, "ar", LAM_ALEF)));
    for (const line of [...LAM_ALEF, "الاتصال بالعميل"]) expect(text).toContain(line);
  });

  it("lays the action plan out from the right on an Arabic board, in Arabic-Indic digits; from the left on a Polish one", async () => {
    const server = await startTestServer();
    /** Where the rank column ("#" heading it, 1 in the row) and the dots column (0) sit on the plan's page, in the board language's digits. */
    const columns = async (locale: string, [zero, one]: string) => {
      const html = poppler("pdftotext", await pdfOf(server, await boardWith(server, locale, [])), [
        "-bbox",
        "-enc",
        "UTF-8",
      ]);
      const plan = html.slice(html.lastIndexOf("<page"));
      const left = (word: string) => Number(new RegExp(`<word xMin="([\\d.]+)"[^>]*>${word}</word>`).exec(plan)?.[1]);
      return {
        heading: left("#"),
        rank: left(one!),
        dots: left(zero!),
        width: Number(/<page width="([\d.]+)"/.exec(plan)?.[1]),
      };
    };
    const arabic = await columns("ar", "٠١");
    expect(arabic.heading).toBeGreaterThan(arabic.width - 60);
    expect(arabic.rank).toBeGreaterThan(arabic.width - 60);
    expect(arabic.dots).toBeLessThan(100);
    const polish = await columns("pl", "01");
    expect(polish.heading).toBeLessThan(60);
    expect(polish.rank).toBeLessThan(60);
    expect(polish.dots).toBeGreaterThan(polish.width - 100);
  });
});
