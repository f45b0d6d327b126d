import { expect, test } from "../fixtures/fixtures";
import type { BoardPage } from "../pages/BoardPage";

test("from one round to the next a participant is told only what holds now, and a run-off offers dots only on its cards", async ({
  home,
  openAsAnotherPerson,
}) => {
  const links = await home.createBoard("Rounds");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  await facilitator.addCardAt("Awareness", "Irritants", "Long queue at the till");
  await facilitator.addCardAt("Consideration", "Irritants", "Hidden delivery fees");
  await facilitator.page.keyboard.press("Escape");
  const ola = await openAsAnotherPerson(links.participant);
  await ola.join("Ola", "sales");
  await expect(ola.cards()).toHaveCount(2);
  await facilitator.page.getByTestId("panel.voting").click();
  // The card panel shows while no other panel is open; the voting panel says what the server answered.
  const votingPanel = (person: BoardPage) => person.page.getByTestId("panel.voting").click();

  const startRound = async (runOff: boolean) => {
    await facilitator.page.getByTestId("voting.budget.irritants").fill("1");
    await facilitator.page.getByTestId("voting.budget.magicMoments").fill("0");
    if (runOff) await facilitator.page.getByTestId("voting.onResults").check();
    await facilitator.page.getByTestId("voting.start").click();
    await expect(facilitator.page.getByTestId("voting.open")).toBeVisible();
  };
  const reveal = async () => {
    await facilitator.page.getByTestId("voting.close").click();
    await facilitator.page.getByTestId("voting.reveal").click();
  };
  const press = async (person: BoardPage, text: string) => {
    await person.selectCard(text);
    await person.page.keyboard.press("v");
  };

  await startRound(false);
  await press(ola, "Hidden delivery fees");
  await expect(ola.page.getByTestId("cardVoting")).toContainText("1 of your dots on this card");
  await press(ola, "Long queue at the till");
  await votingPanel(ola);
  await expect(ola.page.getByTestId("voting.refusal")).toHaveText("You have no dots left for this kind of card.");
  await reveal();
  await expect(ola.page.getByTestId("voting.results")).toHaveCount(1);
  await expect(ola.page.getByTestId("voting.idle")).toHaveText(
    "No round is open now. The results of the rounds so far are below.",
  );

  // The run-off votes again on the one card that got a dot.
  await startRound(true);
  await expect(ola.page.getByTestId("voting.open")).toBeVisible();
  await expect(ola.page.getByTestId("voting.refusal")).toHaveCount(0);
  await votingPanel(ola);
  await ola.selectCard("Long queue at the till");
  await expect(ola.page.getByTestId("cardVoting.notInRound")).toHaveText("This round does not vote on this card.");
  await expect(ola.page.getByTestId("cardVoting.add")).toHaveCount(0);
  await ola.selectCard("Hidden delivery fees");
  await expect(ola.page.getByTestId("cardVoting.add")).toBeEnabled();
  await ola.page.getByTestId("cardVoting.add").click();
  await expect(ola.page.getByTestId("cardVoting")).toContainText("Irritants: 0 of 1 dots left");
  await reveal();
  await votingPanel(ola);
  await expect(ola.page.getByTestId("voting.results")).toHaveCount(2);
  await expect(ola.page.getByTestId("voting.idle")).toContainText("No round is open now.");

  // The card voted on in both rounds becomes one action, however many rounds it is promoted from.
  const results = facilitator.page.getByTestId("voting.results");
  const [runOff, first] = [results.nth(0), results.nth(1)];
  await runOff.getByTestId("voting.promote").click();
  await expect(facilitator.page.getByTestId("action.item")).toHaveCount(1);
  await votingPanel(facilitator);
  await expect(first.getByTestId("voting.promotePlanned")).toHaveText(
    "1 of them already has an action; it is not added again.",
  );
  await expect(first.getByTestId("voting.promote")).toBeDisabled();

  // Coverage starts with what the group voted for, with its dots, though it comes later on the map.
  await facilitator.page.getByTestId("panel.coverage").click();
  const items = facilitator.page.getByTestId("coverage.item");
  await expect(items.first()).toContainText("Hidden delivery fees");
  await expect(items.first().getByTestId("coverage.dots")).toHaveText("1 dot");
  await expect(items.first().getByTestId("coverage.status")).toHaveText(
    "In the action plan, not yet in the target journey",
  );
  await expect(items.nth(1)).toContainText("Long queue at the till");
  await expect(items.nth(1).getByTestId("coverage.dots")).toHaveCount(0);
  await expect(items.nth(1).getByTestId("coverage.status")).toHaveText("Still open");
  await facilitator.page.screenshot({ path: test.info().outputPath("coverage.png") });
});
