import { writeFileSync } from "node:fs";
import type { Page, TestInfo } from "@playwright/test";
import { PNG } from "pngjs";
import { expect, test } from "../fixtures/fixtures";
import { inkDifference, inkOf, type Ink } from "../fixtures/ink";

/**
 * Sentences of the method's source articles (shared/seeds), short enough for
 * one line of a card and of a stage title: Arabic ending in "؟", Persian with
 * its zero-width non-joiners, Polish, Arabic with Latin and digits inside,
 * and one that starts with an emoji.
 */
const SENTENCES = [
  "ما هي رحلة العميل ؟",
  "با کفش‌های مشتری",
  "6 kroków do stworzenia",
  "خلال 24 ساعة في CRM",
  "🙂 العميل هو المركز",
];
const STAGES = ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"];
/**
 * The share of a text's box that may differ between the canvas and the page: edges both smooth their own
 * way, most in bold text at a fractional size (a Polish stage title beside the side panel: 6.8 %); a
 * sentence set the wrong way differs by some 20 %.
 */
const MOST_DIFFERENT = 0.08;

interface Drawn {
  clip: { x: number; y: number; width: number; height: number };
  size: number;
  bold: boolean;
  family: string;
  fill: string;
}

/** Where Konva drew a text (its first line), at what size on screen, in what weight and colour. */
function drawnText(page: Page, text: string, stageTitle: boolean): Promise<Drawn> {
  return page.evaluate(
    ({ text, stageTitle }) => {
      type TextNode = {
        text(): string;
        name(): string;
        fontSize(): number;
        fontStyle(): string;
        fontFamily(): string;
        lineHeight(): number;
        fill(): string;
        getAbsoluteScale(): { x: number };
        getClientRect(): { x: number; y: number; width: number; height: number };
      };
      const stage = (
        window as unknown as { Konva: { stages: { find(s: string): TextNode[]; container(): HTMLElement }[] } }
      ).Konva.stages[0]!;
      const node = stage.find("Text").find((n) => n.text() === text && (n.name() === "stage-title") === stageTitle);
      if (!node) throw new Error(`"${text}" is not on the canvas`);
      const rect = node.getClientRect();
      const origin = stage.container().getBoundingClientRect();
      const size = node.fontSize() * node.getAbsoluteScale().x;
      const height = stageTitle ? rect.height : Math.min(rect.height, size * node.lineHeight() + 4);
      return {
        clip: { x: origin.x + rect.x, y: origin.y + rect.y, width: rect.width, height },
        size,
        bold: node.fontStyle() === "bold",
        family: node.fontFamily(),
        fill: node.fill(),
      };
    },
    { text, stageTitle },
  );
}

/** The same text set by the page itself over the same spot: same font, size and weight, black on white. */
async function pageInk(page: Page, text: string, drawn: Drawn, dir: "auto" | "ltr" = "auto"): Promise<Buffer> {
  await page.evaluate(
    ({ text, drawn, dir }) => {
      const box = document.createElement("div");
      box.id = "ink-reference";
      box.dir = dir;
      box.textContent = text;
      Object.assign(box.style, {
        position: "fixed",
        zIndex: "100000",
        left: `${drawn.clip.x}px`,
        top: `${drawn.clip.y}px`,
        width: `${drawn.clip.width}px`,
        height: `${drawn.clip.height}px`,
        padding: "2px 0",
        background: "#ffffff",
        color: "#000000",
        font: `${drawn.bold ? 700 : 400} ${drawn.size}px ${drawn.family}`,
        whiteSpace: "pre",
        overflow: "hidden",
      });
      document.body.append(box);
    },
    { text, drawn, dir },
  );
  const shot = await page.screenshot({ clip: drawn.clip });
  await page.evaluate(() => document.getElementById("ink-reference")?.remove());
  return shot;
}

/** The three pictures of a comparison, kept beside the test's results to look at. */
function keep(
  testInfo: TestInfo,
  name: string,
  canvas: Buffer,
  dom: Buffer,
  difference: ReturnType<typeof inkDifference>,
) {
  writeFileSync(testInfo.outputPath(`${name}-canvas.png`), canvas);
  writeFileSync(testInfo.outputPath(`${name}-page.png`), dom);
  writeFileSync(testInfo.outputPath(`${name}-diff.png`), PNG.sync.write(difference.diff));
}

// Tall enough that fitting the journey keeps every stage title whole.
test.use({ viewport: { width: 1600, height: 1400 } });

test("cards and stage titles draw Arabic, Persian, Polish and mixed text as the page sets it", async ({
  home,
}, testInfo) => {
  await home.createBoard("Texts");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  const { page } = board;
  for (const [i, text] of SENTENCES.entries()) {
    await board.addCardAt(STAGES[i]!, "Customer steps", text);
    await page.keyboard.press("Escape");
  }
  for (const [i, text] of SENTENCES.entries()) {
    await board.openStageMenu(STAGES[i]!);
    await page.getByTestId("axis.title").fill(text);
    await page.getByTestId("axis.rename").click();
  }
  await expect.poll(() => board.stageTitles()).toEqual(SENTENCES);

  const inks: Record<string, { canvas: Ink; drawn: Drawn }> = {};
  for (const [i, text] of SENTENCES.entries()) {
    for (const stageTitle of [false, true]) {
      const name = `${stageTitle ? "stage" : "card"}-${i}`;
      const drawn = await drawnText(page, text, stageTitle);
      const canvasShot = await page.screenshot({ clip: drawn.clip });
      const domShot = await pageInk(page, text, drawn);
      const canvas = inkOf(canvasShot, drawn.fill);
      const difference = inkDifference(canvas, inkOf(domShot, "#000000"));
      keep(testInfo, name, canvasShot, domShot, difference);
      expect(difference.share, `${name}: ${text}`).toBeLessThan(MOST_DIFFERENT);
      inks[name] = { canvas, drawn };
    }
  }

  // The measure tells directions apart: the mixed sentence set left to right ("CRM" at the right end) is far off.
  const { canvas, drawn } = inks["card-3"]!;
  const wrongWay = inkDifference(canvas, inkOf(await pageInk(page, SENTENCES[3]!, drawn, "ltr"), "#000000"));
  expect(wrongWay.share).toBeGreaterThan(MOST_DIFFERENT * 2);
});
