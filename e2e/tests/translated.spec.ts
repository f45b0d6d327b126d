import { readFileSync } from "node:fs";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../fixtures/fixtures";
import type { BoardPage } from "../pages/BoardPage";

/**
 * Latin words an Arabic or Persian reader may see: the app's name, the
 * languages named in themselves in the picker, the files and formats the
 * downloads are, and the keys of the keyboard. Anything else in Latin letters is a string a
 * catalog lacks (i18next shows the key itself, "toolbar.addCard") or a
 * sentence someone wrote in English: the test fails on it.
 */
const LATIN_ALLOWED = new Set([
  "Journeyboard",
  "English",
  "Polski",
  "board.json",
  "JSON",
  "CSV",
  "PNG",
  "SVG",
  "PDF",
  "Markdown",
  "Mermaid",
]);
const KEYS = /^(Ctrl|Shift|Alt|Enter|Esc|Escape|Tab|Del|Delete|Backspace|Space|Home|End|PageUp|PageDown|F\d+|[A-Z])$/;

/** The Latin words of what the page shows: its text, and the labels, titles and placeholders of what it shows. */
function latinWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
    };
    const texts = [document.body.innerText, document.title];
    for (const element of Array.from(document.querySelectorAll("[aria-label], [title], [placeholder], [alt]"))) {
      if (!shown(element)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) texts.push(element.getAttribute(name) ?? "");
    }
    return texts.flatMap((text) => text.match(/[A-Za-z][A-Za-z_.-]*[A-Za-z]|[A-Za-z]/g) ?? []);
  });
}

async function expectAllTranslated(page: Page, where: string) {
  const untranslated = (await latinWords(page)).filter((word) => !LATIN_ALLOWED.has(word) && !KEYS.test(word));
  expect([...new Set(untranslated)], `untranslated on ${where}`).toEqual([]);
}

const snap = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

/** A file chosen in the home page's import field. */
const importFile = (page: Page, name: string, text: string) =>
  page.getByTestId("import.file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });

const PANELS = [
  "personas",
  "touchpoints",
  "coverage",
  "duplicates",
  "outline",
  "voting",
  "actions",
  "exports",
  "history",
];

test.describe("an Arabic reader", () => {
  test.use({ locale: "ar-EG" });

  test("reads every screen in Arabic, mirrored, server refusals included", async ({ home }, testInfo) => {
    const { page } = home;
    await expectAllTranslated(page, "the home page");

    await importFile(page, "board.json", "{ not json");
    await expect(page.getByTestId("import.error")).toHaveText("لا يمكن استيراد هذا الملف: ليس ملف JSON");
    await expectAllTranslated(page, "a refused import");
    // A refusal names the field it is about as the file spells it.
    await importFile(page, "board.json", JSON.stringify({ format: "journeyboard/board", schemaVersion: 99 }));
    await expect(page.getByTestId("import.error")).toHaveText(
      "لا يمكن استيراد هذا الملف: القيمة في schemaVersion غير مقبولة",
    );
    await snap(page, testInfo, "import-refused-ar");

    await home.createBoard("شراء فستان صيفي");
    await expectAllTranslated(page, "the board's links");
    const board = await home.openBoard();
    await board.join("أميرة", "callCentre");
    await board.addCardAt("الوعي", "خطوات العميل", "أبحث عن فستان للصيف");
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      "ar",
      "rtl",
    ]);
    const toolbar = (await page.getByRole("toolbar").boundingBox())!;
    expect(toolbar.x + toolbar.width).toBeGreaterThan(page.viewportSize()!.width - 40);
    await expectAllTranslated(page, "the board");

    for (const panel of PANELS) {
      await page.getByTestId(`panel.${panel}`).click();
      await expect(page.getByTestId(`panel.${panel}`)).toHaveAttribute("aria-pressed", "true");
      await expectAllTranslated(page, `the ${panel} panel`);
    }
    await page.getByTestId("journey.add").click();
    await expectAllTranslated(page, "the journeys panel");
    await snap(page, testInfo, "journeys-ar");
  });
});

test.describe("a Polish reader", () => {
  test.use({ locale: "pl-PL" });

  test("reads the server's refusals in Polish: a refused file, a link that opens no board", async ({ home }) => {
    const { page } = home;
    const links = await home.createBoard("Sukienka");
    const board = await home.openBoard();
    await board.join("Ola", "sales");
    await board.waitUntilSaved();

    const file = await (await page.request.get(exportUrl(links.participant, "board.json"))).json();
    const twice = {
      ...file,
      records: { ...file.records, journeys: [...file.records.journeys, file.records.journeys[0]] },
    };
    await page.goto(new URL(links.participant).origin);
    await importFile(page, "board.json", JSON.stringify(twice));
    await expect(page.getByTestId("import.error")).toHaveText(
      "Nie można zaimportować tego pliku: identyfikator w records.journeys.1.id występuje dwa razy",
    );

    await page.goto(links.participant.replace(/#token=.*/, "#token=not-a-token-of-this-board"));
    await expect(page.getByTestId("board.message")).toHaveAttribute("data-reason", "bad-token");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ten link nie otwiera tej tablicy");
  });

  test("is told in Polish why the server closed the connection, and the board reconnects", async ({ home }) => {
    const { page } = home;
    // Every frame between this page and the server passes here; one garbage frame makes the server close the socket.
    let toServer: { send(message: Buffer): void } | null = null;
    await page.routeWebSocket(/\/collab/, (socket) => {
      toServer = socket.connectToServer();
    });
    await home.createBoard("Sukienka");
    const board = await home.openBoard();
    await board.join("Ola", "sales");
    await expect.poll(() => toServer !== null).toBe(true);
    toServer!.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]));
    await expect(page.getByTestId("board.notice")).toContainText(
      "Serwer zamknął połączenie: otrzymał coś, czego nie umiał odczytać.",
    );
    await board.waitUntilSaved();
  });

  test("downloads a Polish board's journey as a CSV table in Polish", async ({ home }) => {
    const { page } = home;
    await home.createBoard("Sukienka");
    const board = await home.openBoard();
    await board.join("Ola", "sales");
    await board.addCardAt("Świadomość", "Kroki klienta", "Szukam sukienki na lato");
    await page.keyboard.press("Escape");
    await board.waitUntilSaved();
    await page.getByTestId("panel.exports").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("exports.journey.csv").click(),
    ]);
    const csv = readFileSync((await download.path())!, "utf8").replace(/^\ufeff/, "");
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header!.split(",").slice(0, 3)).toEqual(["etap", "Kroki klienta", "Punkty styku"]);
    expect(rows.map((row) => row.split(",")[0])).toEqual([
      "Świadomość",
      "Rozważenie",
      "Zakup",
      "Utrzymanie",
      "Rzecznictwo",
    ]);
    expect(rows[0]).toContain("Szukam sukienki na lato");
  });
});

test.describe("a Persian card", () => {
  test.use({ locale: "fa-IR" });

  test("reads right to left, emoji first, after a reload and on a colleague's screen", async ({
    home,
    openAsAnotherPerson,
  }) => {
    const { page } = home;
    const links = await home.createBoard("خرید لباس تابستانی");
    const board = await home.openBoard();
    await board.join("سارا", "digital");
    const text = "🙂 ۳ روز منتظر پاسخ ماندم";
    await board.addCardAt("آگاهی", "گام‌های مشتری", text);
    await page.keyboard.press("Escape");
    await board.waitUntilSaved();
    await expectCardRightToLeft(board, text);

    await page.reload();
    await expectCardRightToLeft(board, text);

    const colleague = await openAsAnotherPerson(links.participant);
    await colleague.join("Reza", "sales");
    await expectCardRightToLeft(colleague, text);
  });
});

/** The card's text on the canvas: set right to left from the right edge, as the page sets it with dir="auto". */
async function expectCardRightToLeft(board: BoardPage, text: string) {
  await expect.poll(() => board.textOnCanvas(text)).toBe("rtl right");
  await expect(board.card(text)).toHaveCount(1);
}

const exportUrl = (link: string, file: string) => {
  const url = new URL(link);
  const id = url.pathname.split("/").pop()!;
  const token = new URLSearchParams(url.hash.slice(1)).get("token")!;
  return `${url.origin}/api/boards/${id}/export/${file}?token=${encodeURIComponent(token)}`;
};
