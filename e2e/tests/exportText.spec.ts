import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { PNG } from "pngjs";
import { expect, test } from "../fixtures/fixtures";
import { inkDifference, inkOf, type Ink } from "../fixtures/ink";

/** The sentences of canvasText.spec.ts: seed articles' Arabic, Persian with ZWNJ, Polish, mixed, emoji first. */
const SENTENCES = [
  "ما هي رحلة العميل ؟",
  "با کفش‌های مشتری",
  "6 kroków do stworzenia",
  "خلال 24 ساعة في CRM",
  "🙂 العميل هو المركز",
];
const STAGES = ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"];
/**
 * The share of a text's box that may differ from the page setting it, as for the canvas: the PNG is the
 * canvas drawn again (0 % to 1 %); poppler rasterises the PDF's outlines with its own smoothing (text
 * 0.3 % to 1 %, the emoji line 6.5 %: the emoji's fine strokes). The mixed sentence set the wrong way
 * (left to right) differs by 14 %.
 */
const MOST_DIFFERENT = { png: 0.08, pdf: 0.08 };
/** The PDF's card text: 8 pt in its ink colour (server/src/exports/pdf/poster.ts), rasterised at 4 px a point. */
const PDF_TEXT = { size: 8, colour: "#1f2328", dpi: 288 };

type Box = { x: number; y: number; width: number; height: number };

function crop(png: PNG, box: Box): Buffer {
  const out = new PNG({ width: box.width, height: box.height });
  PNG.bitblt(png, out, box.x, box.y, box.width, box.height, 0, 0);
  return PNG.sync.write(out);
}

/** The same text set by the page over a white box of the given size: its font, size and direction by content. */
async function pageInk(page: Page, text: string, box: Box, font: string, dir = "auto"): Promise<Ink> {
  await page.evaluate(
    async ({ text, box, font, dir }) => {
      await document.fonts.load(font, text);
      const element = document.createElement("div");
      element.id = "ink-reference";
      element.dir = dir;
      element.textContent = text;
      Object.assign(element.style, {
        position: "fixed",
        zIndex: "100000",
        left: "0px",
        top: "0px",
        width: `${box.width}px`,
        height: `${box.height}px`,
        background: "#ffffff",
        color: "#000000",
        font,
        whiteSpace: "pre",
        overflow: "hidden",
        lineHeight: `${box.height}px`,
      });
      document.body.append(element);
    },
    { text, box, font, dir },
  );
  const shot = await page.screenshot({ clip: { x: 0, y: 0, width: box.width, height: box.height } });
  await page.evaluate(() => document.getElementById("ink-reference")?.remove());
  return inkOf(shot, "#000000");
}

function compare(testInfo: TestInfo, name: string, exported: Buffer, exportedInk: Ink, dom: Ink) {
  const difference = inkDifference(exportedInk, dom);
  writeFileSync(testInfo.outputPath(`${name}-export.png`), exported);
  writeFileSync(testInfo.outputPath(`${name}-page.png`), PNG.sync.write(dom.png));
  writeFileSync(testInfo.outputPath(`${name}-diff.png`), PNG.sync.write(difference.diff));
  return difference.share;
}

/** The box of the PDF's line holding a sentence, in points: poppler's words of a line, matched by their letters. */
function pdfLines(pdf: string): { letters: string; box: Box }[] {
  const html = execFileSync("pdftotext", ["-bbox-layout", "-f", "1", "-l", "1", "-enc", "UTF-8", pdf, "-"], {
    encoding: "utf8",
  });
  return [
    ...html.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g),
  ].map((m) => ({
    letters: letters([...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join("")),
    box: { x: Number(m[1]), y: Number(m[2]), width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) },
  }));
}
/** A text's letters in any order, without spaces (its ZWNJs included: the PDF gives them back). */
const letters = (text: string) => [...text.replace(/\s/g, "")].sort().join("");

// Tall enough that fitting the journey keeps every card in view.
test.use({ viewport: { width: 1600, height: 1400 } });

test("the exported PNG and a page of the PDF set each sentence as the page does", async ({ home }, testInfo) => {
  const links = await home.createBoard("Texts");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  const { page } = board;
  for (const [i, text] of SENTENCES.entries()) {
    await board.addCardAt(STAGES[i]!, "Customer steps", text);
    await page.keyboard.press("Escape");
  }
  await board.waitUntilSaved();

  // The PDF, as the server writes it, rasterised by poppler.
  const folder = mkdtempSync(join(tmpdir(), "journey-pdf-"));
  const url = new URL(links.viewer);
  const token = new URLSearchParams(url.hash.slice(1)).get("token")!;
  const pdf = await page.request.get(`${url.origin}/api/boards/${url.pathname.split("/").pop()}/export/journey.pdf`, {
    headers: { authorization: `Bearer ${token}` },
  });
  writeFileSync(join(folder, "journey.pdf"), await pdf.body());
  execFileSync(
    "pdftoppm",
    ["-png", "-r", String(PDF_TEXT.dpi), "-f", "1", "-l", "1", "-singlefile", "journey.pdf", "page"],
    {
      cwd: folder,
    },
  );
  const pdfPage = PNG.sync.read(readFileSync(join(folder, "page.png")));
  const lines = pdfLines(join(folder, "journey.pdf"));
  const px = PDF_TEXT.dpi / 72;
  const pdfFont = `400 ${PDF_TEXT.size * px}px Vazirmatn, "Noto Emoji"`;
  const pdfInks: Ink[] = [];
  for (const [i, text] of SENTENCES.entries()) {
    const line = lines.find((l) => l.letters === letters(text));
    expect(line, `"${text}" on the PDF's first page`).toBeDefined();
    const box = {
      x: Math.floor(line!.box.x * px) - 2,
      y: Math.floor(line!.box.y * px),
      width: Math.ceil(line!.box.width * px) + 4,
      height: Math.ceil(line!.box.height * px),
    };
    const shot = crop(pdfPage, box);
    const ink = inkOf(shot, PDF_TEXT.colour);
    pdfInks.push(ink);
    const share = compare(testInfo, `pdf-${i}`, shot, ink, await pageInk(page, text, box, pdfFont));
    expect(share, `PDF: ${text}`).toBeLessThan(MOST_DIFFERENT.pdf);
  }
  // The measure tells directions apart: the mixed sentence set left to right is far off.
  const lineOf = (text: string) => lines.find((l) => l.letters === letters(text))!.box;
  const mixed = lineOf(SENTENCES[3]!);
  const wrongWay = await pageInk(
    page,
    SENTENCES[3]!,
    { x: 0, y: 0, width: Math.ceil(mixed.width * px) + 4, height: Math.ceil(mixed.height * px) },
    pdfFont,
    "ltr",
  );
  expect(inkDifference(pdfInks[3]!, wrongWay).share).toBeGreaterThan(MOST_DIFFERENT.pdf * 1.5);

  // The PNG of one card (a picture of the selection), drawn by the canvas at twice the board's size.
  for (const [i, text] of SENTENCES.entries()) {
    await board.selectCard(text);
    await page.getByTestId("panel.exports").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("exports.picture").click()]);
    const png = PNG.sync.read(readFileSync((await download.path())!));
    const drawn = await page.evaluate((text) => {
      type Node = {
        text(): string;
        name(): string;
        fontSize(): number;
        fontFamily(): string;
        lineHeight(): number;
        fill(): string;
        findAncestor(selector: string): Node;
        x(): number;
        y(): number;
        getClientRect(options: { relativeTo: unknown }): Box;
      };
      const stage = (window as unknown as { Konva: { stages: { find(s: string): Node[] }[] } }).Konva.stages[0]!;
      const node = stage.find("Text").find((n) => n.text() === text && n.name() !== "stage-title")!;
      const card = node.findAncestor(".card");
      return {
        rect: node.getClientRect({ relativeTo: stage }),
        card: { x: card.x(), y: card.y() },
        size: node.fontSize(),
        lineHeight: node.lineHeight(),
        family: node.fontFamily(),
        fill: node.fill(),
      };
    }, text);
    // The picture's area starts 24 px (of the board) before the card; the picture has 2 pixels to each.
    const scale = 2;
    const box = {
      x: Math.floor((drawn.rect.x - drawn.card.x + 24) * scale),
      y: Math.floor((drawn.rect.y - drawn.card.y + 24) * scale),
      width: Math.ceil(drawn.rect.width * scale),
      height: Math.ceil(Math.min(drawn.rect.height, drawn.size * drawn.lineHeight + 2) * scale),
    };
    const shot = crop(png, box);
    const dom = await pageInk(page, text, box, `400 ${drawn.size * scale}px ${drawn.family}`);
    const share = compare(testInfo, `png-${i}`, shot, inkOf(shot, drawn.fill), dom);
    expect(share, `PNG: ${text}`).toBeLessThan(MOST_DIFFERENT.png);
    await page.getByTestId("panel.exports").click();
    await page.keyboard.press("Escape");
  }
});
