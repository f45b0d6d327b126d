import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures/fixtures";

/** Presses Tab until `target` has the keyboard focus, as someone without a mouse reaches it. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached it");
}

test("a keyboard-only person reaches the canvas, adds, edits, rates and moves a card, moves a stage, and places a dot", async ({
  home,
}) => {
  await home.createBoard("Keys only");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  const { page } = board;
  const canvas = page.getByTestId("board.canvas");
  const said = page.getByTestId("board.focusAnnouncement");
  const cardIn = (text: string) => board.cards().filter({ hasText: text });

  await tabTo(page, canvas);
  await expect(canvas).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(said).toHaveText("Customer steps, Awareness: an empty cell. N adds a card here.");

  await page.keyboard.press("n");
  await expect(page.getByTestId("card.editor")).toBeFocused();
  await page.keyboard.type("I compare prices");
  await page.keyboard.press("Enter");
  await expect(cardIn("I compare prices")).toHaveAttribute("data-stage", "Awareness");
  await expect(canvas).toBeFocused();
  await expect(said).toHaveText("I compare prices. Customer steps, Awareness: card 1 of 1.");

  await page.keyboard.press("Enter");
  await expect(page.getByTestId("card.editor")).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.type(" online");
  await page.keyboard.press("Enter");
  await expect(cardIn("I compare prices online")).toHaveCount(1);
  await expect(canvas).toBeFocused();

  await page.keyboard.press("4");
  await expect(page.getByTestId("cardPanel.rate.1")).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("4");
  await expect(page.getByTestId("cardPanel.rate.1")).toHaveAttribute("aria-checked", "false");
  await page.keyboard.press("2");
  await expect(page.getByTestId("cardPanel.rate.-1")).toHaveAttribute("aria-checked", "true");

  await page.keyboard.press("Shift+ArrowRight");
  await expect(cardIn("I compare prices online")).toHaveAttribute("data-stage", "Consideration");
  await expect(said).toHaveText("I compare prices online. Customer steps, Consideration: card 1 of 1.");
  await page.keyboard.press("ArrowLeft");
  await expect(said).toHaveText("Customer steps, Awareness: an empty cell. N adds a card here.");
  await page.keyboard.press("ArrowRight");
  await expect(said).toHaveText("I compare prices online. Customer steps, Consideration: card 1 of 1.");

  // The stage's menu, from the card: moved a place later, then closed with Escape.
  await page.keyboard.press("s");
  await expect(page.getByTestId("axis.title")).toBeFocused();
  await tabTo(page, page.getByTestId("axis.moveAfter"));
  await page.keyboard.press("Enter");
  await expect
    .poll(() => board.stageTitles())
    .toEqual(["Awareness", "Purchase", "Consideration", "Retention", "Advocacy"]);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("axis.menu")).toBeHidden();
  await expect(canvas).toBeFocused();

  // Down the lanes to the irritants, where the round's dots go.
  for (let lane = 0; lane < 4; lane++) await page.keyboard.press("ArrowDown");
  await expect(said).toHaveText("Irritants, Consideration: an empty cell. N adds a card here.");
  await page.keyboard.press("n");
  await page.keyboard.type("Hidden fees");
  await page.keyboard.press("Enter");
  await expect(cardIn("Hidden fees")).toHaveAttribute("data-lane", "Irritants");

  await tabTo(page, page.getByTestId("panel.voting"));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByTestId("voting.start"));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByTestId("panel.voting"));
  await page.keyboard.press("Enter");
  await tabTo(page, canvas);
  await page.keyboard.press("v");
  await expect(page.getByTestId("cardVoting")).toContainText("1 of your dots on this card");
});

test("a keyboard-only person chooses several cards, moves them together and deletes them", async ({ home }) => {
  await home.createBoard("Several cards");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  const { page } = board;
  const canvas = page.getByTestId("board.canvas");
  const said = page.getByTestId("board.focusAnnouncement");
  const cardIn = (text: string) => board.cards().filter({ hasText: text });

  await tabTo(page, canvas);
  await page.keyboard.press("ArrowDown");
  for (const text of ["First", "Second", "Third"]) {
    await page.keyboard.press("n");
    await expect(page.getByTestId("card.editor")).toBeFocused();
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
    await expect(cardIn(text)).toHaveCount(1);
    await expect(canvas).toBeFocused();
  }
  expect(await board.selectedTexts()).toEqual(["Third"]);

  // Ctrl and an arrow go on without selecting; Shift+Space adds the card the keyboard is on.
  await page.keyboard.press("Control+ArrowUp");
  await expect(said).toHaveText("Second. Customer steps, Awareness: card 2 of 3. Not selected.");
  expect(await board.selectedTexts()).toEqual(["Third"]);
  await page.keyboard.press("Shift+Space");
  await expect(said).toHaveText(
    "Added to the selection; 2 selected. Second. Customer steps, Awareness: card 2 of 3. Selected, one of 2.",
  );
  await expect.poll(() => board.selectedTexts()).toEqual(["Second", "Third"]);
  // Ctrl+Space does the same, and a second press takes the card out again.
  await page.keyboard.press("Control+ArrowUp");
  await page.keyboard.press("Control+Space");
  await expect.poll(() => board.selectedTexts()).toEqual(["First", "Second", "Third"]);
  await page.keyboard.press("Shift+Space");
  await expect(said).toContainText("Taken out of the selection; 2 selected.");
  await expect.poll(() => board.selectedTexts()).toEqual(["Second", "Third"]);

  // Shift and an arrow move the selected cards together to the next cell, in their order; one undo puts them back.
  await page.keyboard.press("Shift+ArrowRight");
  await expect
    .poll(() => board.cardTexts())
    .toEqual([
      "Awareness / Customer steps / First",
      "Consideration / Customer steps / Second",
      "Consideration / Customer steps / Third",
    ]);
  await page.keyboard.press("Control+z");
  await expect(cardIn("Second")).toHaveAttribute("data-stage", "Awareness");
  await expect(cardIn("Third")).toHaveAttribute("data-stage", "Awareness");

  await page.keyboard.press("Delete");
  await expect(board.cards()).toHaveCount(1);
  await expect(cardIn("First")).toHaveCount(1);
});

test("a keyboard-only person makes a stage wider and narrower from its menu, and hears its width", async ({ home }) => {
  await home.createBoard("Wide stages");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  const { page } = board;
  const canvas = page.getByTestId("board.canvas");
  const said = page.getByTestId("board.focusAnnouncement");
  const width = async () => (await board.stageHeader("Awareness")).width;
  const usual = await width();

  await tabTo(page, canvas);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("s");
  await expect(page.getByTestId("axis.title")).toBeFocused();
  await tabTo(page, page.getByTestId("axis.wider"));
  await page.keyboard.press("Enter");
  await expect(said).toHaveText(/^The stage is now \d+ wide\./);
  const spoken = Number(/now (\d+) wide/.exec((await said.textContent()) ?? "")?.[1]);
  await expect.poll(width).toBeGreaterThan(usual);
  const wider = await width();
  await tabTo(page, page.getByTestId("axis.narrower"));
  await page.keyboard.press("Enter");
  await expect(said).toHaveText(
    `The stage is now ${spoken - 40} wide. Customer steps, Awareness: an empty cell. N adds a card here.`,
  );
  await expect.poll(width).toBeCloseTo(usual, 0);
  // Wider twice, then the usual width again, as a double-click on the header's edge gives it.
  await tabTo(page, page.getByTestId("axis.wider"));
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect.poll(width).toBeGreaterThan(wider);
  await tabTo(page, page.getByTestId("axis.ownWidth"));
  await page.keyboard.press("Enter");
  await expect.poll(width).toBeCloseTo(usual, 0);
  await page.keyboard.press("Escape");
  await expect(canvas).toBeFocused();
});

test("the journeys are a tab list: one Tab stop, arrows go from tab to tab (mirrored in Arabic), Home and End to the ends", async ({
  home,
}) => {
  await home.createBoard("Two journeys");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  const { page } = board;
  await page.getByTestId("journey.add").click();
  await page.getByTestId("journeys.target").click();
  const tabs = page.getByTestId("journey.tab");
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(1)).toHaveAttribute("aria-selected", "true");
  const [first, second] = [tabs.nth(0), tabs.nth(1)];
  await expect(first).toHaveAttribute("tabindex", "-1");

  await tabTo(page, second);
  await page.keyboard.press("ArrowRight");
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(second).toHaveAttribute("tabindex", "-1");
  await page.keyboard.press("End");
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Home");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowLeft");
  await expect(second).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("board.cardList")).toBeAttached();

  // In Arabic the tabs read from the right: the left arrow goes on to the next.
  await page.getByTestId("language.picker").selectOption("ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await tabTo(page, second);
  await page.keyboard.press("ArrowLeft");
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  await expect(second).toHaveAttribute("aria-selected", "true");
});
