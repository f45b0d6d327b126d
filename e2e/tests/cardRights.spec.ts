import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/fixtures";

const screenshot = (page: Page, path: string) => page.screenshot({ path, fullPage: true });

test("outside open a participant changes only their own cards and is told why on a colleague's, until the facilitator opens the phase to others' cards", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Own cards");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  const kasia = await openAsAnotherPerson(links.participant);
  await kasia.join("Kasia", "digital");
  const jonas = await openAsAnotherPerson(links.participant);
  await jonas.join("Jonas", "sales");
  const text = "I see an ad for the summer sale";
  await kasia.addCardAt("Awareness", "Customer steps", text);
  await expect(jonas.card(text)).toHaveCount(1);

  // Open: anyone's card.
  await jonas.selectCard(text);
  await expect(jonas.page.getByTestId("cardPanel.text")).toBeEnabled();
  await facilitator.page.getByTestId("phase.select").selectOption("diverge");
  await expect(jonas.page.getByTestId("phase.current")).toHaveText("Phase: Ideas");
  await expect(jonas.page.getByTestId("card.notYours")).toContainText("Someone else wrote this card");
  await expect(jonas.page.getByTestId("cardPanel.text")).toBeDisabled();
  await expect(jonas.page.getByTestId("toolbar.deleteSelection")).toBeDisabled();
  await screenshot(jonas.page, testInfo.outputPath("others-card-en.png"));
  await kasia.selectCard(text);
  await expect(kasia.page.getByTestId("cardPanel.text")).toBeEnabled();
  await expect(kasia.page.getByTestId("card.notYours")).toHaveCount(0);

  await expect(facilitator.page.getByTestId("phase.othersCards")).not.toBeChecked();
  // The box shows the server's word: checked once the choice is stored and published.
  await facilitator.page.getByTestId("phase.othersCards").click();
  await expect(facilitator.page.getByTestId("phase.othersCards")).toBeChecked();
  await screenshot(facilitator.page, testInfo.outputPath("others-cards-choice-en.png"));
  await expect(jonas.page.getByTestId("card.notYours")).toHaveCount(0);
  await expect(jonas.page.getByTestId("cardPanel.text")).toBeEnabled();
  await jonas.page.getByTestId("cardPanel.text").fill(`${text}, twice`);
  await expect(kasia.card(`${text}, twice`)).toHaveCount(1);
});
