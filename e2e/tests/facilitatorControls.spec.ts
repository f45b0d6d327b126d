import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../fixtures/fixtures";
import type { BoardPage } from "../pages/BoardPage";

/** A picture of the page kept beside the test's results, to look at after a change to these controls. */
const snap = (page: Page, testInfo: TestInfo, name: string) =>
  page.screenshot({ path: testInfo.outputPath(`${name}.png`) });

const remaining = (board: BoardPage) => board.page.getByTestId("timer.remaining");

test("the facilitator, on a device that did not create the board, shows the links with their QR codes and rotates the participant link: the old one stops working", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Links everywhere");
  const ola = await openAsAnotherPerson(links.participant);
  await ola.join("Ola", "sales");
  const reza = await openAsAnotherPerson(links.participant);
  await reza.join("Reza", "callCentre");
  // The facilitator's laptop in the room: not the browser that created the board.
  const facilitator = await openAsAnotherPerson(links.facilitator);
  await facilitator.join("Amira", "digital");
  const { page } = facilitator;

  await page.getByTestId("share.toggle").click();
  await expect(page.getByTestId("share.participant")).toHaveValue(links.participant);
  await expect(page.getByTestId("share.viewer")).toHaveValue(links.viewer);
  await expect(page.getByTestId("share.participant.qr")).toHaveAttribute("data-value", links.participant);
  await expect(page.getByTestId("share.participant.qr")).toHaveJSProperty("complete", true);
  await snap(page, testInfo, "share-en");

  await page.getByTestId("share.participant.rotate").click();
  await page.getByTestId("share.participant.confirm").click();
  await expect(page.getByTestId("share.participant")).not.toHaveValue(links.participant);
  const rotated = await page.getByTestId("share.participant").inputValue();
  await expect(page.getByTestId("share.participant.qr")).toHaveAttribute("data-value", rotated);

  // Both people holding the old link lose the board at once, and are told why.
  for (const person of [ola, reza]) {
    await expect(person.page.getByTestId("board.message")).toHaveAttribute("data-reason", "link-revoked");
    await expect(person.page.getByTestId("board.message")).toContainText("replaced this link or turned it off");
  }
  // The old link opens nothing after a reload either; the new one opens the board.
  await ola.page.reload();
  await expect(ola.page.getByTestId("board.message")).toHaveAttribute("data-reason", "bad-token");
  const again = await openAsAnotherPerson(rotated);
  await again.join("Ola", "sales");
  await expect(again.page.getByTestId("board.role")).toHaveText("Participant");
  await expect(page.getByTestId("share.viewer")).toHaveValue(links.viewer);
});

test("the timer started, paused and given more time by the facilitator reads the same for two participants, also after a reload", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Timed workshop");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "digital");
  const ola = await openAsAnotherPerson(links.participant);
  await ola.join("Ola", "sales");
  const reza = await openAsAnotherPerson(links.participant);
  await reza.join("Reza", "callCentre");
  // Participants are offered no control of the timer, and see none before it starts.
  await expect(ola.page.getByTestId("timer.toggle")).toHaveCount(0);

  const { page } = facilitator;
  await page.getByTestId("timer.toggle").click();
  await page.getByTestId("timer.minutes").fill("5");
  await page.getByTestId("timer.start").click();
  for (const person of [ola, reza]) await expect(remaining(person)).toHaveText(/^[45]:\d\d$/);

  await page.getByTestId("timer.pause").click();
  await expect(page.getByTestId("timer.resume")).toBeVisible();
  const paused = await remaining(facilitator).textContent();
  for (const person of [ola, reza]) await expect(remaining(person)).toHaveText(paused!);
  await ola.page.reload();
  await expect(remaining(ola)).toHaveText(paused!);

  await page.getByTestId("timer.add").click();
  const [minutes, seconds] = paused!.split(":").map(Number) as [number, number];
  const more = `${minutes + 1}:${String(seconds).padStart(2, "0")}`;
  await expect(remaining(facilitator)).toHaveText(more);
  for (const person of [ola, reza]) await expect(remaining(person)).toHaveText(more);
  await reza.page.reload();
  await expect(remaining(reza)).toHaveText(more);
  await snap(page, testInfo, "timer-en");

  await page.getByTestId("timer.resume").click();
  await expect(ola.page.locator(".timer")).toHaveAttribute("data-state", "running");
  await expect(remaining(ola)).not.toHaveText(more);

  // Ola's clock runs past the deadline (the page's clock, moved by the test): time's up shows, at 0:00.
  await ola.page.clock.install();
  await ola.page.reload();
  await expect(remaining(ola)).toHaveText(/^[56]:\d\d$/);
  await ola.page.clock.fastForward("07:00");
  await expect(ola.page.getByTestId("timer.ended")).toHaveText("Time's up");
  await expect(remaining(ola)).toHaveText("0:00");
  await expect(remaining(reza)).not.toHaveText("0:00");
});

test.describe("in Arabic", () => {
  test.use({ locale: "ar-EG" });

  test("the timer counts in Arabic-Indic digits, and the share panel and its QR codes read right to left", async ({
    home,
  }, testInfo) => {
    await home.createBoard("ورشة رحلة العميل");
    const facilitator = await home.openBoard();
    await facilitator.join("أميرة", "digital");
    const { page } = facilitator;
    await page.getByTestId("timer.toggle").click();
    await page.getByTestId("timer.minutes").fill("10");
    await page.getByTestId("timer.start").click();
    await page.getByTestId("timer.pause").click();
    await expect(remaining(facilitator)).toHaveText(/^[٠-٩]+:[٠-٩]{2}$/);
    await expect(page.getByTestId("timer.resume")).toHaveText("استئناف");
    await snap(page, testInfo, "timer-ar");

    await page.getByTestId("timer.toggle").click();
    await page.getByTestId("share.toggle").click();
    await expect(page.getByTestId("share.participant.qr")).toHaveJSProperty("complete", true);
    await expect(page.getByTestId("share.participant.rotate")).toHaveText("رابط جديد");
    await snap(page, testInfo, "share-ar");
  });
});
