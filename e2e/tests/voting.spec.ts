import { expect, test } from "../fixtures/fixtures";
import type { BoardPage } from "../pages/BoardPage";

test("a facilitator and two participants vote in three browsers; after the reveal all see the same ranking", async ({
  home,
  openAsAnotherPerson,
}) => {
  const links = await home.createBoard("Voting");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  await facilitator.addCardAt("Awareness", "Irritants", "Hidden delivery fees");
  await facilitator.addCardAt("Consideration", "Irritants", "Long queue at the till");
  await facilitator.addCardAt("Purchase", "Magic moments", "Free alterations");
  await facilitator.page.keyboard.press("Escape");

  const ola = await openAsAnotherPerson(links.participant);
  await ola.join("Ola", "sales");
  const reza = await openAsAnotherPerson(links.participant);
  await reza.join("Reza", "digital");
  await expect(reza.cards()).toHaveCount(3);

  await facilitator.page.getByTestId("panel.voting").click();
  await facilitator.page.getByTestId("voting.budget.irritants").fill("2");
  await facilitator.page.getByTestId("voting.budget.magicMoments").fill("1");
  await facilitator.page.getByTestId("voting.start").click();
  await expect(facilitator.page.getByTestId("voting.open")).toBeVisible();

  const dot = async (person: BoardPage, text: string) => {
    await person.selectCard(text);
    await expect(person.page.getByTestId("cardVoting")).toBeVisible();
    await person.page.keyboard.press("v");
    await expect(person.page.getByTestId("cardVoting")).toContainText("1 of your dots on this card");
  };
  await dot(ola, "Hidden delivery fees");
  await dot(ola, "Long queue at the till");
  await expect(ola.page.getByTestId("cardVoting")).toContainText("Irritants: 0 of 2 dots left");
  await expect(ola.page.getByTestId("cardVoting.add")).toBeDisabled();
  await dot(reza, "Hidden delivery fees");
  await dot(reza, "Free alterations");

  const progress = facilitator.page.getByTestId("voting.progress");
  await expect(progress).toContainText("Ola · Sales: 2 of 3 dots used");
  await expect(progress).toContainText("Reza · Digital: 2 of 3 dots used");
  await reza.page.getByTestId("panel.voting").click();
  await expect(reza.page.getByTestId("voting.left")).toContainText("Magic moments: 0 of 1 dots left");
  await expect(reza.page.getByTestId("voting.progress")).toHaveCount(0);
  await expect(reza.page.getByTestId("voting.ranking")).toHaveCount(0);

  await facilitator.page.getByTestId("voting.close").click();
  await facilitator.page.getByTestId("voting.reveal").click();
  const ranking = (person: BoardPage) =>
    person.page.getByTestId("voting.rank").evaluateAll((items) => items.map((li) => li.textContent));
  await expect(facilitator.page.getByTestId("voting.rank")).toHaveCount(3);
  const expected = await ranking(facilitator);
  expect(expected[0]).toContain("Hidden delivery fees2 dots");
  await ola.page.getByTestId("panel.voting").click();
  for (const person of [ola, reza]) {
    await expect(person.page.getByTestId("voting.rank")).toHaveCount(3);
    expect(await ranking(person)).toEqual(expected);
  }
});

test("one name and department voting under several keys (a second browser) is pointed out to the facilitator", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Several keys");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  await facilitator.addCardAt("Awareness", "Irritants", "Hidden delivery fees");
  await facilitator.page.keyboard.press("Escape");
  await facilitator.page.getByTestId("panel.voting").click();
  await facilitator.page.getByTestId("voting.budget.irritants").fill("2");
  await facilitator.page.getByTestId("voting.start").click();
  await expect(facilitator.page.getByTestId("voting.open")).toBeVisible();

  // Each browser has its own voter key: the same person in two of them is two voters to the server.
  for (const browser of [await openAsAnotherPerson(links.participant), await openAsAnotherPerson(links.participant)]) {
    await browser.join("Ola", "sales");
    await browser.selectCard("Hidden delivery fees");
    await browser.page.keyboard.press("v");
    await expect(browser.page.getByTestId("cardVoting")).toContainText("1 of your dots on this card");
  }
  await expect(facilitator.page.getByTestId("voting.severalKeys")).toHaveText(
    "Ola · Sales votes under several voter keys (keys: 2, dots: 2): one person in several browsers, or namesakes. Ask before you reveal.",
  );
  await facilitator.page.getByTestId("voting.progress").screenshot({ path: testInfo.outputPath("progress-en.png") });
  await facilitator.page.screenshot({ path: testInfo.outputPath("several-keys-en.png") });
});
