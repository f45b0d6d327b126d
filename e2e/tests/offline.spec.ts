import { expect, test } from "../fixtures/fixtures";
import { NetworkSwitch } from "../fixtures/network";
import { BoardPage } from "../pages/BoardPage";

test("a card written offline survives closing the tab and reaches the others when the network is back", async ({
  home,
  openAsAnotherPerson,
}) => {
  const links = await home.createBoard("On the train");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  const network = new NetworkSwitch();
  const participant = await openAsAnotherPerson(links.participant, network);
  await participant.join("Kasia", "digital");

  await network.cut();
  await expect(participant.page.getByTestId("connection.status")).toHaveAttribute("data-state", "offline");
  await participant.addCardFromToolbar("I lose the signal in the tunnel");
  await expect(participant.page.getByTestId("connection.status")).toContainText("kept on this device");
  const context = participant.page.context();
  await participant.page.close();

  const reopened = new BoardPage(await context.newPage());
  await reopened.page.goto(links.participant);
  await expect(reopened.card("I lose the signal in the tunnel")).toHaveCount(1);
  await expect(reopened.page.getByTestId("connection.status")).toHaveAttribute("data-state", "offline");
  await expect(facilitator.card("I lose the signal in the tunnel")).toHaveCount(0);

  network.restore();
  await expect(facilitator.card("I lose the signal in the tunnel")).toHaveCount(1);
  await reopened.waitUntilSaved();
});
