import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/fixtures";
import type { BoardPage } from "../pages/BoardPage";

const screenshot = (page: Page, path: string) => page.screenshot({ path, fullPage: true });

test("the facilitator merges two duplicates a participant voted on; the dots count once for the merged card, the tallies are right, the originals are listed and undo splits them", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Merge");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  await facilitator.addCardAt("Awareness", "Irritants", "Hidden delivery fees");
  await facilitator.addCardAt("Awareness", "Irritants", "Delivery fees are hidden");
  await facilitator.addCardAt("Consideration", "Irritants", "Long queue at the till");
  await facilitator.page.keyboard.press("Escape");
  const ola = await openAsAnotherPerson(links.participant);
  await ola.join("Ola", "sales");
  const reza = await openAsAnotherPerson(links.participant);
  await reza.join("Reza", "digital");
  await expect(ola.cards()).toHaveCount(3);
  await expect(ola.page.getByTestId("toolbar.mergeSelection")).toHaveCount(0);

  await facilitator.page.getByTestId("panel.voting").click();
  await facilitator.page.getByTestId("voting.budget.irritants").fill("2");
  await facilitator.page.getByTestId("voting.start").click();
  await expect(facilitator.page.getByTestId("voting.open")).toBeVisible();
  const dot = async (person: BoardPage, text: string) => {
    await person.selectCard(text);
    await expect(person.page.getByTestId("cardVoting")).toBeVisible();
    await person.page.keyboard.press("v");
    await expect(person.page.getByTestId("cardVoting")).toContainText("1 of your dots on this card");
  };
  // Before the merge Ola puts a dot on each duplicate, Reza one on the second.
  await dot(ola, "Hidden delivery fees");
  await dot(ola, "Delivery fees are hidden");
  await expect(ola.page.getByTestId("cardVoting")).toContainText("Irritants: 0 of 2 dots left");
  await dot(reza, "Delivery fees are hidden");

  const { page } = facilitator;
  await page.getByTestId("panel.voting").click();
  await facilitator.selectCard("Hidden delivery fees");
  const second = await facilitator.cardBox("Delivery fees are hidden");
  await page.keyboard.down("Shift");
  await page.mouse.click(second.x + 20, second.y + 20);
  await page.keyboard.up("Shift");
  await expect(page.getByTestId("board.selectionCount")).toHaveText("2 cards selected");
  await page.getByTestId("toolbar.mergeSelection").click();
  for (const person of [facilitator, ola, reza]) await expect(person.cards()).toHaveCount(2);
  // Ola and Reza had the original selected: the merged card is selected in its place, its panel open.
  for (const person of [ola, reza]) {
    await expect(person.page.getByTestId("cardPanel.text")).toHaveValue("Hidden delivery fees");
    await expect(person.page.getByTestId("merged-from")).toContainText("Delivery fees are hidden");
  }
  expect(await ola.cardTexts()).not.toContain("Awareness / Irritants / Delivery fees are hidden");

  // Everyone sees that the card holds two: a badge on the canvas, the count in the screen-reader list.
  for (const person of [facilitator, ola]) {
    await expect(person.card("Hidden delivery fees")).toHaveAttribute("data-merged", "2");
    await expect(person.card("Hidden delivery fees")).toContainText("(Merged from 2 cards)");
    await expect.poll(async () => (await person.mergedBadge("Hidden delivery fees"))?.label).toBe("2 merged");
  }
  expect(await ola.mergedBadge("Long queue at the till")).toBeNull();
  await screenshot(ola.page, testInfo.outputPath("merged-badge-en.png"));
  // The outline, the journey as a list, says it too.
  await ola.page.getByTestId("panel.outline").click();
  await expect(ola.page.getByTestId("outline.marks")).toHaveText(["Merged from 2 cards"]);
  await ola.page.getByTestId("outline.panel").getByRole("button", { name: "Close" }).click();
  await expect(ola.page.getByTestId("outline.panel")).toHaveCount(0);

  // A press on the badge selects the card: its panel lists the original with its author's department;
  // only those who run the workshop restore it.
  await page.keyboard.press("Escape");
  const mergedFrom = page.getByTestId("merged-from");
  await expect(mergedFrom).toBeHidden();
  const badge = (await facilitator.mergedBadge("Hidden delivery fees"))!;
  await page.mouse.click(badge.x + badge.width / 2, badge.y + badge.height / 2);
  await expect(mergedFrom).toContainText("Delivery fees are hidden");
  await expect(mergedFrom).toContainText("Call centre");
  await expect(mergedFrom.getByRole("button", { name: "Restore" })).toBeVisible();
  await screenshot(page, testInfo.outputPath("merged-from-en.png"));
  await page.getByTestId("language.picker").selectOption("ar");
  await expect(mergedFrom).toContainText("مدمجة من");
  await expect.poll(async () => (await facilitator.mergedBadge("Hidden delivery fees"))?.label).toBe("٢ مدمجتان");
  await expect(facilitator.card("Hidden delivery fees")).toContainText("(مدمجة من بطاقتين)");
  await screenshot(page, testInfo.outputPath("merged-from-ar.png"));
  await page.getByTestId("language.picker").selectOption("en");

  // Ola's two dots count once (the cap of one per card); the other is back in her budget.
  await ola.selectCard("Hidden delivery fees");
  await expect(ola.page.getByTestId("cardVoting")).toContainText("1 of your dots on this card");
  await expect(ola.page.getByTestId("cardVoting")).toContainText("Irritants: 1 of 2 dots left");
  await expect(ola.page.getByTestId("merged-from").getByRole("button")).toHaveCount(0);
  await dot(ola, "Long queue at the till");
  await reza.selectCard("Hidden delivery fees");
  await expect(reza.page.getByTestId("cardVoting")).toContainText("1 of your dots on this card");

  await page.getByTestId("panel.voting").click();
  await page.getByTestId("voting.close").click();
  await page.getByTestId("voting.reveal").click();
  const ranks = page.getByTestId("voting.rank");
  await expect(ranks).toHaveCount(2);
  await expect(ranks.nth(0)).toContainText("Hidden delivery fees2 dots");
  await expect(ranks.nth(1)).toContainText("Long queue at the till1 dot");

  await page.getByTestId("toolbar.undo").click();
  for (const person of [facilitator, ola]) await expect(person.cards()).toHaveCount(3);
  expect(await ola.cardTexts()).toContain("Awareness / Irritants / Delivery fees are hidden");
  await expect(ola.card("Hidden delivery fees")).not.toHaveAttribute("data-merged");
  await expect.poll(() => ola.mergedBadge("Hidden delivery fees")).toBeNull();
});
