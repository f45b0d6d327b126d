import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures/fixtures";
import type { BoardPage } from "../pages/BoardPage";

/** Persian that opens with a brand name: its first strong letter is Latin, so from its content it reads left to right. */
const TEXT = "Digikala سفارشم را دیر فرستاد";

const directionControl = (page: Page, direction: "auto" | "rtl" | "ltr") =>
  page.getByTestId(`cardPanel.textDirection.${direction}`);

/** The direction the page sets a field in, whether its `dir` names one or is `auto`. */
const fieldReads = (field: Locator) => field.evaluate((element) => (element.matches(":dir(rtl)") ? "rtl" : "ltr"));

/** The card as one person sees it: on the canvas, in its panel and in the editor laid over it. */
async function expectCardReads(board: BoardPage, direction: "rtl" | "ltr") {
  await expect.poll(() => board.textOnCanvas(TEXT)).toBe(`${direction} ${direction === "rtl" ? "right" : "left"}`);
  await board.selectCard(TEXT);
  await expect.poll(() => fieldReads(board.page.getByTestId("cardPanel.text"))).toBe(direction);
  const centre = await board.cardCentre(await board.cardId(TEXT));
  await board.page.mouse.dblclick(centre.x, centre.y);
  const editor = board.page.getByTestId("card.editor");
  await expect(editor).toHaveValue(TEXT);
  expect(await fieldReads(editor)).toBe(direction);
  await editor.press("Escape");
  await expect(editor).toBeHidden();
}

test.describe("a card's text direction", () => {
  test.use({ locale: "fa-IR" });

  test("set from the keyboard, a Persian card keeps its direction after a reload and on a colleague's screen", async ({
    home,
    openAsAnotherPerson,
  }) => {
    const { page } = home;
    const links = await home.createBoard("خرید لباس تابستانی");
    const board = await home.openBoard();
    await board.join("سارا", "digital");
    await board.addCardAt("آگاهی", "گام‌های مشتری", TEXT);
    await page.keyboard.press("Escape");
    await board.waitUntilSaved();
    await expectCardReads(board, "ltr");

    // From the card's panel without a mouse: Tab from its text into the direction's radio group, an arrow to the next choice.
    await board.selectCard(TEXT);
    await expect(directionControl(page, "auto")).toBeChecked();
    await page.getByTestId("cardPanel.text").focus();
    await page.keyboard.press("Tab");
    await expect(directionControl(page, "auto")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(directionControl(page, "rtl")).toBeChecked();
    await expectCardReads(board, "rtl");
    await board.waitUntilSaved();

    await page.reload();
    await board.waitUntilSaved();
    await expectCardReads(board, "rtl");
    await expect(directionControl(page, "rtl")).toBeChecked();

    const colleague = await openAsAnotherPerson(links.participant);
    await colleague.join("Reza", "sales");
    await expectCardReads(colleague, "rtl");
    // Anyone who may edit the card may set it back; it follows on the first screen.
    await directionControl(colleague.page, "auto").check();
    await expect.poll(() => board.textOnCanvas(TEXT)).toBe("ltr left");

    const viewer = await openAsAnotherPerson(links.viewer);
    await viewer.join("", "marketing");
    await viewer.selectCard(TEXT);
    await expect(directionControl(viewer.page, "auto")).toBeChecked();
    for (const direction of ["auto", "rtl", "ltr"] as const)
      await expect(directionControl(viewer.page, direction)).toBeDisabled();
  });
});

test("the direction control reads in English and in Arabic", async ({ home }, testInfo) => {
  const { page } = home;
  await home.createBoard("Directions");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  await board.addCardAt("Awareness", "Customer steps", TEXT);
  await page.keyboard.press("Escape");
  await board.selectCard(TEXT);
  const control = page.getByTestId("cardPanel.textDirection");
  await directionControl(page, "rtl").check();
  await expect(control).toHaveText(/Text direction\s*From the text\s*Right to left\s*Left to right/);
  await control.screenshot({ path: testInfo.outputPath("text-direction-en.png") });
  await page.getByTestId("card.panel").screenshot({ path: testInfo.outputPath("card-panel-en.png") });

  await page.getByTestId("language.picker").selectOption("ar");
  await expect(control).toHaveText(/اتجاه النص\s*حسب النص\s*من اليمين إلى اليسار\s*من اليسار إلى اليمين/);
  await control.screenshot({ path: testInfo.outputPath("text-direction-ar.png") });
  await page.getByTestId("card.panel").screenshot({ path: testInfo.outputPath("card-panel-ar.png") });
});
