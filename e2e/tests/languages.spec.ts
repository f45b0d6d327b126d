import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../fixtures/fixtures";

/** A reader in Egypt: the browser asks for Arabic first. */
test.use({ locale: "ar-EG" });

const direction = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

/** Screenshots kept beside the test's results, to look at what each language looks like. */
const snap = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

test("an Arabic browser gets the app in Arabic, mirrored; Polish picked on the board stays after a reload", async ({
  home,
}, testInfo) => {
  const { page } = home;
  expect(await direction(page)).toEqual(["ar", "rtl"]);
  await expect(page.getByTestId("create.submit")).toHaveText("إنشاء اللوحة");
  await expect(page.getByTestId("language.picker")).toHaveValue("ar");
  await snap(page, testInfo, "home-ar");

  await home.createBoard("شراء فستان صيفي");
  await snap(page, testInfo, "links-ar");
  const board = await home.openBoard();
  await board.join("أميرة", "callCentre");
  // The canvas keeps the board's timeline (left to right), whatever the interface's language.
  expect(await board.stageTitles()).toEqual(["الوعي", "المفاضلة", "الشراء", "الاحتفاظ", "التوصية"]);

  await page.getByTestId("journey.add").click();
  const panel = page.getByTestId("journeys.panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText("الرحلات");
  const width = page.viewportSize()!.width;
  const arabicPanel = (await panel.boundingBox())!;
  const arabicToolbar = (await page.getByRole("toolbar").boundingBox())!;
  expect(arabicPanel.x).toBeLessThan(width / 2);
  expect(arabicToolbar.x + arabicToolbar.width).toBeGreaterThan(width - 40);
  await snap(page, testInfo, "board-ar");

  await page.getByTestId("language.picker").selectOption("pl");
  expect(await direction(page)).toEqual(["pl", "ltr"]);
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText("Ścieżki");
  const polishPanel = (await panel.boundingBox())!;
  expect(polishPanel.x).toBeGreaterThan(width / 2);
  // Mirrored: the panel keeps its margin from the other edge.
  expect(polishPanel.x + polishPanel.width).toBeCloseTo(width - arabicPanel.x, 0);
  expect((await page.getByRole("toolbar").boundingBox())!.x).toBeLessThan(40);
  await expect
    .poll(() => board.stageTitles())
    .toEqual(["Świadomość", "Rozważenie", "Zakup", "Utrzymanie", "Rzecznictwo"]);
  await snap(page, testInfo, "board-pl");

  await page.reload();
  await board.waitUntilSaved();
  expect(await direction(page)).toEqual(["pl", "ltr"]);
  await expect(page.getByTestId("toolbar.addCard")).toHaveText("Dodaj kartę");
  await expect(page.getByTestId("language.picker")).toHaveValue("pl");
});

test("Persian, Polish and English boards count in their own digits and plural forms", async ({ home }, testInfo) => {
  const { page } = home;
  await page.getByTestId("language.picker").selectOption("fa");
  expect(await direction(page)).toEqual(["fa", "rtl"]);
  await snap(page, testInfo, "home-fa");
  await home.createBoard("خرید لباس تابستانی");
  const board = await home.openBoard();
  await board.join("سارا", "digital");
  await board.addCardAt("آگاهی", "گام‌های مشتری", "دنبال یک لباس تابستانی می‌گردم");
  await board.addCardAt("خرید", "گام‌های مشتری", "قیمت‌ها را مقایسه می‌کنم");
  await page.keyboard.press("Control+a");
  await expect(page.getByText("۲ کارت انتخاب شده")).toBeAttached();
  await page.getByTestId("panel.touchpoints").click();
  await snap(page, testInfo, "board-fa");

  await page.getByTestId("language.picker").selectOption("pl");
  await expect(page.getByText("Zaznaczono 2 karty")).toBeAttached();
  await page.getByTestId("panel.voting").click();
  await snap(page, testInfo, "voting-pl");

  await page.getByTestId("language.picker").selectOption("en");
  await expect(page.getByText("2 cards selected")).toBeAttached();
  // A question nobody typed follows the language.
  await expect(page.getByTestId("voting.roundTitle")).toHaveValue(
    "Which irritants to remove first, which magic moments to amplify?",
  );
  await snap(page, testInfo, "voting-en");
});
