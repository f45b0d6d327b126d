import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/fixtures";

const screenshot = (page: Page, path: string) => page.screenshot({ path, fullPage: true });

test("the facilitator makes a participant a co-facilitator, who changes the phase for everyone, stays one after a reload, and is one no more once it is taken back", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Co-facilitation");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  const cofacilitator = await openAsAnotherPerson(links.participant);
  await cofacilitator.join("Kasia", "digital");
  const participant = await openAsAnotherPerson(links.participant);
  await participant.join("Jonas", "sales");
  await expect(cofacilitator.page.getByTestId("phase.select")).toHaveCount(0);
  await expect(cofacilitator.page.getByTestId("board.role")).toHaveText("Participant");

  await facilitator.page.getByTestId("share.toggle").click();
  const people = facilitator.page.getByTestId("cofacilitators.person");
  await expect(people).toHaveCount(2);
  const kasia = people.filter({ hasText: "Kasia" });
  await kasia.getByTestId("cofacilitators.toggle").click();
  await expect(kasia).toHaveAttribute("data-granted", "true");
  await screenshot(facilitator.page, testInfo.outputPath("cofacilitators-en.png"));

  await expect(cofacilitator.page.getByTestId("board.role")).toHaveText("Co-facilitator");
  await cofacilitator.page.getByTestId("phase.select").selectOption("diverge");
  await expect(participant.page.getByTestId("phase.current")).toHaveText("Phase: Ideas");
  await expect(facilitator.page.getByTestId("phase.select")).toHaveValue("diverge");
  // The other participant is still one: no phase to choose, and the phase now holds their stages.
  await expect(participant.page.getByTestId("phase.select")).toHaveCount(0);
  await screenshot(cofacilitator.page, testInfo.outputPath("cofacilitator-view-en.png"));

  // The right is the person's, not the tab's: it holds after a reload.
  await cofacilitator.page.reload();
  await expect(cofacilitator.page.getByTestId("board.role")).toHaveText("Co-facilitator");
  await cofacilitator.page.getByTestId("phase.select").selectOption("discuss");
  await expect(participant.page.getByTestId("phase.current")).toHaveText("Phase: Discuss");

  await kasia.getByTestId("cofacilitators.toggle").click();
  await expect(kasia).toHaveAttribute("data-granted", "false");
  await expect(cofacilitator.page.getByTestId("board.role")).toHaveText("Participant");
  await expect(cofacilitator.page.getByTestId("phase.select")).toHaveCount(0);
  await expect(cofacilitator.page.getByTestId("phase.current")).toHaveText("Phase: Discuss");
});
