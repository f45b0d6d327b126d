import { expect, test } from "../fixtures/fixtures";

test("the facilitator invites two people; a personal link opens the board under the invited name, its dots count once across two browsers, and revoking it tells its holder", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Invited workshop");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  await facilitator.addCardAt("Awareness", "Irritants", "Hidden delivery fees");
  await facilitator.addCardAt("Consideration", "Irritants", "Long queue at the till");
  await facilitator.page.keyboard.press("Escape");
  const { page } = facilitator;

  await page.getByTestId("share.toggle").click();
  await page.getByTestId("share.personal.input").fill("Kasia Nowak, Digital\nOmar Haddad\tCall centre");
  await page.getByTestId("share.personal.add").click();
  const invited = page.getByTestId("share.personal.person");
  await expect(invited).toHaveCount(2);
  await expect(invited.nth(0)).toContainText("Kasia Nowak · Digital");
  await expect(invited.nth(1)).toContainText("Omar Haddad · Call centre");
  await invited.nth(0).getByTestId("share.personal.showQr").click();
  await expect(invited.nth(0).getByTestId("share.personal.qr")).toHaveJSProperty("complete", true);
  await page.getByTestId("share.panel").screenshot({ path: testInfo.outputPath("personal-links-en.png") });
  await page.getByTestId("language.picker").selectOption("ar");
  await expect(page.getByTestId("share.personal")).toContainText("روابط شخصية");
  await page.getByTestId("share.panel").screenshot({ path: testInfo.outputPath("personal-links-ar.png") });
  await page.getByTestId("language.picker").selectOption("en");
  const kasiaLink = await invited.nth(0).getByTestId("share.personal.url").inputValue();
  expect(kasiaLink).not.toBe(links.participant);

  // No name to choose: the link says who this is, and so does everyone's presence list.
  const laptop = await openAsAnotherPerson(kasiaLink);
  await laptop.waitUntilSaved();
  await expect(laptop.page.getByTestId("join.name")).toHaveCount(0);
  await expect(laptop.page.getByTestId("presence.me")).toBeDisabled();
  await expect(page.locator('[data-testid="presence.peer"][data-name="Kasia Nowak"]')).toHaveCount(1);

  await page.getByTestId("share.toggle").click();
  await page.getByTestId("panel.voting").click();
  await page.getByTestId("voting.budget.irritants").fill("2");
  await page.getByTestId("voting.start").click();
  await expect(page.getByTestId("voting.open")).toBeVisible();

  // The same person in a second browser: one person to the server, one budget.
  const phone = await openAsAnotherPerson(kasiaLink);
  await phone.waitUntilSaved();
  await laptop.selectCard("Hidden delivery fees");
  await laptop.page.keyboard.press("v");
  await expect(laptop.page.getByTestId("cardVoting")).toContainText("1 of your dots on this card");
  await phone.selectCard("Long queue at the till");
  await phone.page.keyboard.press("v");
  await expect(phone.page.getByTestId("cardVoting")).toContainText("1 of your dots on this card");
  await expect(phone.page.getByTestId("cardVoting")).toContainText("Irritants: 0 of 2 dots left");
  await expect(page.getByTestId("voting.progress")).toContainText("Kasia Nowak · Digital: 2 of 4 dots used");
  await expect(page.getByTestId("voting.severalKeys")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("one-person-two-browsers-en.png") });

  await page.getByTestId("share.toggle").click();
  await invited.nth(0).getByTestId("share.personal.revoke").click();
  await expect(invited.nth(0)).toHaveAttribute("data-status", "off");
  for (const browser of [laptop, phone]) {
    await expect(browser.page.getByTestId("board.message")).toHaveAttribute("data-reason", "link-revoked");
  }
  await laptop.page.screenshot({ path: testInfo.outputPath("revoked-en.png") });
});
