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
