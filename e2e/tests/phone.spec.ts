import AxeBuilder from "@axe-core/playwright";
import { devices, type Browser, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { expect, test } from "../fixtures/fixtures";
import { pan, showsWhatLeaderShows } from "../fixtures/views";
import { BoardPage } from "../pages/BoardPage";

/** The link a QR code on the page holds, read from its picture as a phone's camera would. */
async function scanQr(page: Page, testId: string): Promise<string> {
  const picture = PNG.sync.read(await page.getByTestId(testId).screenshot());
  const code = jsQR(new Uint8ClampedArray(picture.data), picture.width, picture.height);
  if (!code) throw new Error("no QR code in the picture");
  return code.data;
}

/** A phone (Pixel 7: its screen, touch and user agent) opening a link, someone who asks for `locale`. */
async function phoneOpening(browser: Browser, url: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ ...devices["Pixel 7"], locale });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function joinOnPhone(page: Page, name: string, department: string): Promise<void> {
  await page.getByTestId("join.name").fill(name);
  await page.getByTestId("join.department").selectOption(department);
  await page.getByTestId("join.submit").click();
  await expect(page.getByTestId("phone")).toBeVisible();
  await expect(page.getByTestId("connection.status")).toHaveAttribute("data-state", "ok");
}

/** What axe-core finds of serious or critical impact on the page, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Large controls, nothing wider than the screen: every control of the phone's layout a fingertip high. */
async function expectMadeForThePhone(page: Page): Promise<void> {
  const fit = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    smallest: Math.min(
      ...Array.from(document.querySelectorAll(".phone-main button, .phone-main select, .phone-main input")).map(
        (element) => element.getBoundingClientRect().height,
      ),
    ),
  }));
  expect(fit.overflow).toBeLessThanOrEqual(0);
  expect(fit.smallest).toBeGreaterThanOrEqual(44);
}

test("a phone joins by the QR code, adds a card in the stage and lane it picks, rates a step and votes; the projector follows the facilitator", async ({
  home,
  browser,
}, testInfo) => {
  const links = await home.createBoard("Phones in the room");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  await facilitator.addCardAt("Awareness", "Customer steps", "I look for the shop online");
  await facilitator.page.keyboard.press("Escape");
  await facilitator.page.getByTestId("share.toggle").click();
  await expect(facilitator.page.getByTestId("share.participant.qr")).toHaveJSProperty("complete", true);
  const scanned = await scanQr(facilitator.page, "share.participant.qr");
  expect(scanned).toBe(links.participant);
  const projectorUrl = await facilitator.page.getByTestId("share.projector").inputValue();
  await facilitator.page.getByTestId("share.panel").screenshot({ path: testInfo.outputPath("share-projector-en.png") });
  await facilitator.page.getByTestId("share.toggle").click();

  // The phone opens the scanned link: the layout made for it, whose controls fit a fingertip and the screen.
  const phone = await phoneOpening(browser, scanned, "en-US");
  await joinOnPhone(phone, "Ola", "sales");
  await expect(phone.getByTestId("phone.add")).toBeVisible();
  await expectMadeForThePhone(phone);

  await phone.getByTestId("phone.stage").selectOption({ label: "Consideration" });
  await phone.getByTestId("phone.lane").selectOption({ label: "Irritants" });
  await phone.getByTestId("phone.cardText").fill("The delivery date is a guess");
  await phone.getByTestId("phone.addCard").click();
  await expect(phone.getByTestId("phone.added")).toHaveText("Added to Irritants · Consideration.");
  await expect(phone.getByTestId("phone.cellCards")).toContainText("The delivery date is a guess");
  await expect(phone.getByTestId("phone.cardText")).toHaveValue("");
  await expect
    .poll(() => facilitator.cardTexts())
    .toContain("Consideration / Irritants / The delivery date is a guess");

  // A stage the facilitator locks takes no new card from the phone, which says why; unlocked, it does again.
  await facilitator.openStageMenu("Consideration");
  await facilitator.page.getByTestId("lock.stage").click();
  await expect(facilitator.page.getByTestId("lock.stage")).toHaveAttribute("aria-pressed", "true");
  await expect(phone.getByTestId("phone.addRefused")).toHaveText(
    "Locked: only the facilitator or a co-facilitator can change it.",
  );
  await expect(phone.getByTestId("phone.cardText")).toHaveCount(0);
  await facilitator.page.getByTestId("lock.stage").click();
  await facilitator.page.keyboard.press("Escape");
  await expect(phone.getByTestId("phone.cardText")).toBeVisible();

  // Rating the facilitator's step: the facilitator's panel counts it.
  await phone.getByTestId("phone.stage").selectOption({ label: "Awareness" });
  const step = phone.getByTestId("phone.step").filter({ hasText: "I look for the shop online" });
  await step.getByTestId("phone.rate.-1").click();
  await expect(step.getByTestId("phone.rate.-1")).toHaveAttribute("aria-checked", "true");
  await facilitator.selectCard("I look for the shop online");
  await expect(facilitator.page.getByTestId("cardPanel.emotion")).toContainText("from 1 ratings");
  await facilitator.page.keyboard.press("Escape");
  await expect(phone.getByTestId("phone.vote")).toHaveCount(0);

  // The vote phase and a round on irritants: the phone offers no new card, but the vote and the ratings.
  await facilitator.page.getByTestId("phase.select").selectOption("vote");
  await facilitator.page.getByTestId("panel.voting").click();
  await facilitator.page.getByTestId("voting.budget.irritants").fill("2");
  await facilitator.page.getByTestId("voting.start").click();
  await expect(facilitator.page.getByTestId("voting.open")).toBeVisible();
  await expect(phone.getByTestId("phone.add")).toHaveCount(0);
  await expect(phone.getByTestId("phone.rate")).toBeVisible();
  await expect(phone.getByTestId("phone.vote")).toBeVisible();
  await phone.getByTestId("phone.stage").selectOption({ label: "Consideration" });
  const card = phone.getByTestId("phone.voteCard").filter({ hasText: "The delivery date is a guess" });
  await card.getByTestId("cardVoting.add").click();
  await expect(card.getByTestId("cardVoting")).toContainText("1 of your dots on this card");
  await expect(card.getByTestId("cardVoting")).toContainText("Irritants: 1 of 2 dots left");
  await expect(facilitator.page.getByTestId("voting.progress")).toContainText(/Ola · Sales: 1 of \d+ dots used/);
  await expectMadeForThePhone(phone);
  await phone.screenshot({ path: testInfo.outputPath("phone-vote-en.png"), fullPage: true });

  // The projector: the viewer link opened full screen, no panel, following the facilitator's view.
  const projectorPage = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await projectorPage.goto(projectorUrl);
  // A screen, not a person: nothing asks who it is, and nobody sees it among the people on the board.
  const projector = new BoardPage(projectorPage);
  await expect(projectorPage.getByTestId("projector")).toBeVisible();
  await expect(projectorPage.getByTestId("join.form")).toHaveCount(0);
  await expect(projectorPage.getByTestId("projector.caption")).toContainText("Following Amira · Call centre");
  await expect(projectorPage.locator(".topbar, .toolbar, .journey-bar")).toHaveCount(0);
  await expect(projectorPage.locator(".minimap")).toBeHidden();
  await expect.poll(() => showsWhatLeaderShows(projector, facilitator)).toBe(true);
  await expect(facilitator.page.getByTestId("presence.peer")).toHaveCount(1);
  await expect(facilitator.page.getByTestId("presence.peer")).toHaveAttribute("data-name", "Ola");
  await projectorPage.screenshot({ path: testInfo.outputPath("projector-en.png") });
  await facilitator.page.getByTestId("panel.voting").click();
  await facilitator.page.getByTestId("toolbar.zoomIn").click();
  await pan(facilitator, 600, 120);
  await expect.poll(() => showsWhatLeaderShows(projector, facilitator)).toBe(true);
  // Something moved the projector's view (a touch on the screen): it follows again at once.
  await pan(projector, -400, 0);
  await pan(facilitator, -200, 80);
  await expect.poll(() => showsWhatLeaderShows(projector, facilitator)).toBe(true);
  // Follow me: the projector follows the facilitator the workshop follows.
  await facilitator.page.getByTestId("follow.toggle").click();
  await facilitator.page.getByTestId("follow.start").click();
  await expect(facilitator.page.getByTestId("follow.count")).toHaveText("Following you: 1 of 1");
  await pan(facilitator, 300, -60);
  await expect.poll(() => showsWhatLeaderShows(projector, facilitator)).toBe(true);
  await expect(projectorPage.getByTestId("projector.caption")).toContainText("Following Amira · Call centre");
  await projectorPage.context().close();
  await phone.context().close();
});

test("on a phone in Arabic the layout reads right to left; on a laptop simple mode is a choice this device remembers", async ({
  home,
  browser,
}, testInfo) => {
  const links = await home.createBoard("الهواتف في القاعة");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  await facilitator.addCardAt("Awareness", "Customer steps", "أبحث عن المتجر على الإنترنت");
  await facilitator.page.keyboard.press("Escape");

  const phone = await phoneOpening(browser, links.participant, "ar");
  await joinOnPhone(phone, "رضا", "digital");
  expect(await phone.evaluate(() => document.documentElement.dir)).toBe("rtl");
  await expect(phone.getByTestId("phone.add")).toContainText("أضف");
  await expectMadeForThePhone(phone);
  // Right to left: the stage's label sits at the right edge of its field.
  const [label, field] = await Promise.all([
    phone.locator(".phone-picker label").first().boundingBox(),
    phone.getByTestId("phone.stage").boundingBox(),
  ]);
  expect(label!.x + label!.width).toBeCloseTo(field!.x + field!.width, -1);
  await phone.screenshot({ path: testInfo.outputPath("phone-ar.png"), fullPage: true });
  expect(await seriousViolations(phone)).toEqual([]);

  // Writing alone: the phone's card is a private draft, on no other screen until the facilitator reveals.
  await facilitator.page.getByTestId("phase.select").selectOption("draft");
  await expect(phone.getByTestId("phone.phase")).toContainText("الكتابة الفردية");
  await phone.getByTestId("phone.lane").selectOption({ label: "نقاط الألم" });
  await phone.getByTestId("phone.cardText").fill("لا أحد يرد على الهاتف");
  await phone.getByTestId("phone.addCard").click();
  await expect(phone.getByTestId("phone.added")).toBeVisible();
  await expect(phone.getByTestId("drafts.count")).toBeVisible();
  await phone.screenshot({ path: testInfo.outputPath("phone-draft-ar.png"), fullPage: true });
  await expect(facilitator.page.getByTestId("drafts.pending")).toBeVisible();
  expect((await facilitator.cardTexts()).join()).not.toContain("لا أحد يرد على الهاتف");
  await facilitator.page.getByTestId("drafts.reveal").click();
  await expect.poll(async () => (await facilitator.cardTexts()).join()).toContain("لا أحد يرد على الهاتف");
  await expect(phone.getByTestId("phone.cellCards")).toContainText("لا أحد يرد على الهاتف");
  await phone.context().close();

  // A laptop: the full board until the participant chooses simple mode, which a reload keeps, and back.
  const laptop = await (await browser.newContext({ locale: "en-US" })).newPage();
  await laptop.goto(links.participant);
  const participant = new BoardPage(laptop);
  await participant.join("Ola", "sales");
  await expect(laptop.getByTestId("phone")).toHaveCount(0);
  await laptop.screenshot({ path: testInfo.outputPath("full-board-participant-en.png") });
  await laptop.getByTestId("board.simpleMode").click();
  await expect(laptop.getByTestId("phone.add")).toBeVisible();
  await laptop.screenshot({ path: testInfo.outputPath("simple-mode-laptop-en.png") });
  await laptop.reload();
  await expect(laptop.getByTestId("phone.add")).toBeVisible();
  await laptop.getByTestId("phone.fullBoard").click();
  await participant.waitUntilSaved();
  await expect(laptop.getByTestId("phone")).toHaveCount(0);
  await laptop.context().close();
});
