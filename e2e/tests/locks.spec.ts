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
  await expect(participant.page.getByTestId("lock.card.held")).toContainText(
    "only the facilitator or a co-facilitator can change it",
  );
  await expect(participant.page.getByTestId("cardPanel.text")).toBeDisabled();
  await expect(participant.page.getByTestId("lock.card")).toHaveCount(0);
  await expect(participant.page.getByTestId("toolbar.deleteSelection")).toBeDisabled();
  await expect(participant.page.getByTestId("toolbar.deleteSelection")).toHaveAttribute(
    "title",
    /only the facilitator or a co-facilitator can change it/,
  );
  await screenshot(participant.page, testInfo.outputPath("locked-card-en.png"));
  await participant.page.getByTestId("language.picker").selectOption("ar");
  await expect(participant.page.getByTestId("lock.card.held")).toContainText(
    "لا يستطيع تغييره إلا الميسِّر أو ميسِّر مساعد",
  );
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

/** Drags a stage header (by its title) to after the last stage. */
async function dragStageToEnd(board: BoardPage, title: string, last: string): Promise<void> {
  const from = await board.stageHeader(title);
  const to = await board.stageHeader(last);
  const y = from.y + from.height / 2;
  await board.page.mouse.move(from.x + from.width / 2, y);
  await board.page.mouse.down();
  await board.page.mouse.move(to.x + to.width - 10, y, { steps: 8 });
  await board.page.mouse.up();
}

/** The padlock's box on a card and the left edge of its department dot, in the card's own units. */
async function padlockBeside(board: BoardPage, text: string) {
  const id = await board.cardId(text);
  return board.page.evaluate((cardId) => {
    const card = window.Konva?.stages[0]?.findOne(`#card-${cardId}`);
    const padlock = card?.findOne(".card-padlock");
    if (!card || !padlock) throw new Error(`no padlock on card ${cardId}`);
    const box = padlock.getClientRect({ relativeTo: card });
    // The dot is drawn in the card's face: centred 9 units in from its bottom-right corner, radius 4.
    return { padlockRight: box.x + box.width, padlockBottom: box.y + box.height, dotLeft: card.width() - 13 };
  }, id);
}

test("a locked stage's header is not moved by a participant, a journey locked whole offers no stage menu and says why, and the facilitator lifts every lock at once", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Locked stages");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  await facilitator.addCardAt("Awareness", "Customer steps", "I hear of the shop from a friend");
  const participant = await openAsAnotherPerson(links.participant);
  await participant.join("Kasia", "digital");
  const colleague = await openAsAnotherPerson(links.participant);
  await colleague.join("Jonas", "sales");
  const stages = ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"];
  await expect.poll(() => participant.stageTitles()).toEqual(stages);

  await facilitator.openStageMenu("Awareness");
  await facilitator.page.getByTestId("lock.stage").click();
  await expect(facilitator.page.getByTestId("lock.stage")).toHaveAttribute("aria-pressed", "true");
  await facilitator.page.keyboard.press("Escape");

  // The participant's menu of the locked stage says why nothing in it changes the stage; a neighbour may still be added.
  await participant.openStageMenu("Awareness");
  await expect(participant.page.getByTestId("lock.stage.held")).toContainText(
    "only the facilitator or a co-facilitator can change it",
  );
  await expect(participant.page.getByTestId("axis.collapse")).toBeDisabled();
  await expect(participant.page.getByTestId("axis.moveAfter")).toBeDisabled();
  await expect(participant.page.getByTestId("axis.wider")).toHaveCount(0);
  await expect(participant.page.getByTestId("axis.addAfter")).toBeEnabled();
  await screenshot(participant.page, testInfo.outputPath("locked-stage-menu-en.png"));
  await participant.page.keyboard.press("Escape");
  await expect(participant.page.getByTestId("axis.menu")).toHaveCount(0);

  await dragStageToEnd(participant, "Awareness", "Advocacy");
  await expect.poll(() => participant.stageTitles()).toEqual(stages);
  await expect.poll(() => colleague.stageTitles()).toEqual(stages);

  // Everything locked: the card shows its padlock clear of its department dot, and no stage or lane menu opens.
  await facilitator.page.getByTestId("journey.add").click();
  await facilitator.page.getByTestId("lock.all").click();
  await expect(facilitator.page.getByTestId("lock.all")).toBeDisabled();
  await expect(participant.page.getByTestId("toolbar.addCard")).toBeDisabled();
  const padlock = await padlockBeside(participant, "I hear of the shop from a friend");
  expect(padlock.padlockRight).toBeLessThan(padlock.dotLeft);
  const header = await participant.stageHeader("Consideration");
  await participant.page.mouse.click(header.x + header.width / 2, header.y + header.height / 2);
  await expect(participant.page.getByTestId("board.notice")).toContainText(
    "only the facilitator or a co-facilitator can change it",
  );
  await expect(participant.page.getByTestId("axis.menu")).toHaveCount(0);
  await screenshot(participant.page, testInfo.outputPath("everything-locked-en.png"));

  await facilitator.page.getByTestId("lock.none").click();
  await expect(facilitator.page.getByTestId("lock.none")).toBeDisabled();
  await expect(participant.page.getByTestId("toolbar.addCard")).toBeEnabled();
  await dragStageToEnd(participant, "Awareness", "Advocacy");
  await expect.poll(() => colleague.stageTitles()).toEqual([...stages.slice(1), "Awareness"]);
});
