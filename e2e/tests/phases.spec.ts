import { expect, test } from "../fixtures/fixtures";
import { NetworkSwitch } from "../fixtures/network";

test("the facilitator's phase decides what participants may change, and each change of phase is kept in the history", async ({
  home,
  openAsAnotherPerson,
}) => {
  const links = await home.createBoard("Phases");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  const participant = await openAsAnotherPerson(links.participant);
  await participant.join("Kasia", "digital");
  await expect(participant.page.getByTestId("phase.current")).toHaveText("Phase: Open");

  await facilitator.page.getByTestId("phase.select").selectOption("discuss");
  await expect(participant.page.getByTestId("phase.current")).toHaveText("Phase: Discuss");
  await expect(participant.page.getByTestId("board.phaseBanner")).toContainText("read-only");
  await expect(participant.page.getByTestId("toolbar.addCard")).toHaveCount(0);
  const cell = await participant.cellCentre("Awareness", "Customer steps");
  await participant.page.mouse.dblclick(cell.x, cell.y);
  await expect(participant.page.getByTestId("card.editor")).toHaveCount(0);
  // A lane's header in a read-only phase says why it offers nothing, rather than doing nothing.
  await participant.openLaneMenuExpectingNone("Customer steps");
  await expect(participant.page.getByTestId("board.notice")).toContainText("The lanes are set in this phase");

  await facilitator.page.getByTestId("phase.select").selectOption("diverge");
  await expect(participant.page.getByTestId("phase.current")).toHaveText("Phase: Ideas");
  await participant.addCardFromToolbar("I wait for the courier all day");
  await expect(facilitator.card("I wait for the courier all day")).toHaveCount(1);
  // The stages are set in this phase: their menu is not offered, and the participant is told why.
  const header = await participant.stageHeader("Awareness");
  await participant.page.mouse.click(header.x + header.width / 2, header.y + header.height / 2);
  await expect(participant.page.getByTestId("board.notice")).toContainText("The stages are set in this phase");
  await expect(participant.page.getByTestId("axis.menu")).toHaveCount(0);
  await facilitator.openStageMenu("Awareness");
  await expect(facilitator.page.getByTestId("axis.addAfter")).toBeEnabled();

  await facilitator.page.getByTestId("panel.history").click();
  await expect(facilitator.page.getByTestId("history.item")).toHaveText([
    /Phase changed to Ideas/,
    /Phase changed to Discuss/,
  ]);
});

test("a change the phase no longer allows is not kept: the participant is told and sees the board as everyone does", async ({
  home,
  openAsAnotherPerson,
}) => {
  const links = await home.createBoard("Late change");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  const network = new NetworkSwitch();
  const participant = await openAsAnotherPerson(links.participant, network);
  await participant.join("Kasia", "digital");
  await participant.waitUntilSaved();

  await network.cut();
  await expect(participant.page.getByTestId("connection.status")).toHaveAttribute("data-state", "offline");
  await participant.addCardFromToolbar("Written while offline");
  await facilitator.page.getByTestId("phase.select").selectOption("discuss");
  network.restore();

  await expect(participant.page.getByTestId("board.notice")).toContainText("the current phase does not allow it");
  await expect(participant.page.getByTestId("phase.current")).toHaveText("Phase: Discuss");
  await expect(participant.card("Written while offline")).toHaveCount(0);
  await expect(facilitator.card("Written while offline")).toHaveCount(0);
});

test("a card being written when the phase stops edits is closed with a notice, not lost in silence", async ({
  home,
  openAsAnotherPerson,
}) => {
  const links = await home.createBoard("Mid-sentence");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  const participant = await openAsAnotherPerson(links.participant);
  await participant.join("Kasia", "digital");
  const cell = await participant.cellCentre("Awareness", "Customer steps");
  await participant.page.mouse.dblclick(cell.x, cell.y);
  await participant.page.getByTestId("card.editor").fill("I am still typing");

  await facilitator.page.getByTestId("phase.select").selectOption("discuss");
  await expect(participant.page.getByTestId("board.notice")).toContainText("your text was not saved");
  await expect(participant.page.getByTestId("card.editor")).toHaveCount(0);
  await expect(participant.card("I am still typing")).toHaveCount(0);
  await expect(facilitator.card("I am still typing")).toHaveCount(0);
});
