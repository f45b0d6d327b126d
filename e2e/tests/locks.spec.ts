import type { Page } from "@playwright/test";
import type { BoardPage } from "../pages/BoardPage";
import { expect, test } from "../fixtures/fixtures";

async function drag(board: BoardPage, id: string, stage: string, lane: string): Promise<void> {
  const from = await board.cardCentre(id);
  const to = await board.cellCentre(stage, lane);
  await board.page.mouse.move(from.x, from.y);
  await board.page.mouse.down();
  await board.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await board.page.mouse.move(to.x, to.y + 30, { steps: 5 });
  await board.page.mouse.up();
}

const screenshot = (page: Page, path: string) => page.screenshot({ path, fullPage: true });

test("a locked card cannot be dragged or edited by a participant, says why, and moves again once unlocked", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Locks");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  await facilitator.addCardAt("Awareness", "Customer steps", "Fees are hidden until checkout");
  const participant = await openAsAnotherPerson(links.participant);
  await participant.join("Kasia", "digital");
  const colleague = await openAsAnotherPerson(links.participant);
  await colleague.join("Jonas", "sales");
  const id = await participant.cardId("Fees are hidden until checkout");
  const where = (stage: string, lane: string) => [`${stage} / ${lane} / Fees are hidden until checkout`];

  await facilitator.selectCard("Fees are hidden until checkout");
  await facilitator.page.getByTestId("lock.card").click();
  await expect(facilitator.page.getByTestId("lock.card")).toHaveAttribute("aria-pressed", "true");

  await participant.selectCard("Fees are hidden until checkout");
  await expect(participant.page.getByTestId("lock.card.held")).toContainText("Locked by the facilitator");
  await expect(participant.page.getByTestId("cardPanel.text")).toBeDisabled();
  await expect(participant.page.getByTestId("lock.card")).toHaveCount(0);
  await expect(participant.page.getByTestId("toolbar.deleteSelection")).toBeDisabled();
  await expect(participant.page.getByTestId("toolbar.deleteSelection")).toHaveAttribute(
    "title",
    /Locked by the facilitator/,
  );
  await screenshot(participant.page, testInfo.outputPath("locked-card-en.png"));
  await participant.page.getByTestId("language.picker").selectOption("ar");
  await expect(participant.page.getByTestId("lock.card.held")).toContainText("مقفل من قِبل الميسِّر");
  await screenshot(participant.page, testInfo.outputPath("locked-card-ar.png"));
  await participant.page.getByTestId("language.picker").selectOption("en");

  await drag(participant, id, "Purchase", "Touchpoints");
  await expect.poll(() => participant.cardTexts()).toEqual(where("Awareness", "Customer steps"));
  await expect.poll(() => colleague.cardTexts()).toEqual(where("Awareness", "Customer steps"));

  await facilitator.page.getByTestId("lock.card").click();
  await expect(participant.page.getByTestId("lock.card.held")).toHaveCount(0);
  await expect(participant.page.getByTestId("toolbar.deleteSelection")).toBeEnabled();
  await drag(participant, id, "Purchase", "Touchpoints");
  await expect.poll(() => colleague.cardTexts()).toEqual(where("Purchase", "Touchpoints"));
});
