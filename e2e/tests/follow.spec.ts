import type { Page } from "@playwright/test";
import type { BoardPage } from "../pages/BoardPage";
import type { HomePage } from "../pages/HomePage";
import { expect, test } from "../fixtures/fixtures";
import { pan, shownArea, showsWhatLeaderShows } from "../fixtures/views";

/** Whether a stage's header is on a person's screen, inside their canvas. */
async function headerInView(board: BoardPage, stage: string): Promise<boolean> {
  const [header, canvas] = await Promise.all([board.stageHeader(stage), board.canvasBox()]);
  return (
    header.x >= canvas.x &&
    header.x + header.width <= canvas.x + canvas.width &&
    header.y >= canvas.y &&
    header.y + header.height <= canvas.y + canvas.height
  );
}

const cursorsOnCanvas = (board: BoardPage) =>
  board.page.evaluate(() => window.Konva?.stages[0]?.find(".cursor").length ?? 0);

const screenshot = (page: Page, path: string) => page.screenshot({ path });

/** A board with its facilitator, Amira, and two participants, Kasia and Jonas (on a screen of `jonasScreen`, if given). */
async function workshopOfThree(
  home: HomePage,
  openAsAnotherPerson: (url: string) => Promise<BoardPage>,
  jonasScreen?: { width: number; height: number },
) {
  const links = await home.createBoard("Follow me");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  const kasia = await openAsAnotherPerson(links.participant);
  await kasia.join("Kasia", "digital");
  const jonas = await openAsAnotherPerson(links.participant);
  if (jonasScreen) await jonas.page.setViewportSize(jonasScreen);
  await jonas.join("Jonas", "sales");
  return { facilitator, kasia, jonas };
}

test("the facilitator brings everyone here, then leads with follow me; one participant breaks away and follows again", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  // Jonas has a smaller screen: he sees what the facilitator shows, smaller.
  const { facilitator, kasia, jonas } = await workshopOfThree(home, openAsAnotherPerson, { width: 900, height: 640 });
  const participants = [kasia, jonas];

  // Participants are offered none of it: only the facilitator leads.
  await expect(kasia.page.getByTestId("follow.toggle")).toHaveCount(0);

  // Bring everyone here: once, to where the facilitator looks now.
  await facilitator.page.getByTestId("toolbar.zoomIn").click();
  await facilitator.page.getByTestId("toolbar.zoomIn").click();
  await pan(facilitator, 700, 150);
  for (const participant of participants)
    await expect.poll(() => showsWhatLeaderShows(participant, facilitator)).toBe(false);
  await facilitator.page.getByTestId("follow.toggle").click();
  await facilitator.page.getByTestId("follow.bring").click();
  await expect(facilitator.page.getByTestId("follow.panel")).toHaveCount(0);
  for (const participant of participants) {
    await expect.poll(() => showsWhatLeaderShows(participant, facilitator)).toBe(true);
    await expect(participant.page.getByTestId("board.notice")).toContainText("Amira brought everyone here.");
  }
  // Brought once: the facilitator moving on takes nobody along.
  await pan(facilitator, -300, 0);
  await expect.poll(() => showsWhatLeaderShows(kasia, facilitator)).toBe(false);

  // Follow me: everyone's view follows the facilitator's, and the facilitator sees who does.
  await facilitator.page.getByTestId("follow.toggle").click();
  await facilitator.page.getByTestId("follow.start").click();
  for (const participant of participants) {
    await expect(participant.page.getByTestId("follow.bar")).toHaveAttribute("data-state", "following");
    await expect(participant.page.getByTestId("follow.bar")).toContainText("Following Amira");
    await expect.poll(() => showsWhatLeaderShows(participant, facilitator)).toBe(true);
  }
  await expect(facilitator.page.getByTestId("follow.count")).toHaveText("Following you: 2 of 2");
  await expect(facilitator.page.getByTestId("presence.followsMe")).toHaveCount(2);
  await screenshot(facilitator.page, testInfo.outputPath("leading-en.png"));
  await screenshot(jonas.page, testInfo.outputPath("following-small-screen-en.png"));
  await pan(facilitator, 400, 250);
  for (const participant of participants)
    await expect.poll(() => showsWhatLeaderShows(participant, facilitator)).toBe(true);

  // Kasia pans herself: she breaks away, and is offered the way back; Jonas keeps following.
  await pan(kasia, -500, 0);
  await expect(kasia.page.getByTestId("follow.bar")).toHaveAttribute("data-state", "away");
  await expect(kasia.page.getByTestId("follow.again")).toBeVisible();
  const whereKasiaWent = await shownArea(kasia);
  await pan(facilitator, 350, -120);
  await expect.poll(() => showsWhatLeaderShows(jonas, facilitator)).toBe(true);
  expect(await shownArea(kasia)).toEqual(whereKasiaWent);
  await expect(facilitator.page.getByTestId("follow.count")).toHaveText("Following you: 1 of 2");
  await facilitator.page.getByTestId("follow.toggle").click();
  await expect(facilitator.page.getByTestId("follow.follower").filter({ hasText: "Kasia" })).toHaveAttribute(
    "data-follows",
    "false",
  );
  await screenshot(facilitator.page, testInfo.outputPath("who-follows-en.png"));
  await facilitator.page.getByTestId("follow.toggle").click();
  await screenshot(kasia.page, testInfo.outputPath("broke-away-en.png"));

  await kasia.page.getByTestId("follow.again").click();
  await expect(kasia.page.getByTestId("follow.bar")).toHaveAttribute("data-state", "following");
  await expect.poll(() => showsWhatLeaderShows(kasia, facilitator)).toBe(true);
  await expect(facilitator.page.getByTestId("follow.count")).toHaveText("Following you: 2 of 2");

  // The server holds follow me: Jonas reloads and follows again.
  await jonas.page.reload();
  await jonas.waitUntilSaved();
  await expect(jonas.page.getByTestId("follow.bar")).toHaveAttribute("data-state", "following");
  await pan(facilitator, -200, 60);
  await expect.poll(() => showsWhatLeaderShows(jonas, facilitator)).toBe(true);

  // Presenting: the facilitator walks the journey stage by stage, everyone following.
  await facilitator.page.getByTestId("follow.nextStage").click();
  await expect(facilitator.page.getByTestId("follow.stage")).toHaveText("Stage 1 of 5: Awareness");
  await facilitator.page.getByTestId("follow.nextStage").click();
  await expect(facilitator.page.getByTestId("follow.stage")).toHaveText("Stage 2 of 5: Consideration");
  for (const participant of participants) {
    await expect.poll(() => showsWhatLeaderShows(participant, facilitator)).toBe(true);
    await expect.poll(() => headerInView(participant, "Consideration")).toBe(true);
  }
  await screenshot(kasia.page, testInfo.outputPath("presented-stage-en.png"));

  // In Arabic, right to left.
  for (const person of [facilitator, kasia]) await person.page.getByTestId("language.picker").selectOption("ar");
  await expect(kasia.page.getByTestId("follow.bar")).toContainText("تتبع Amira");
  await expect(facilitator.page.getByTestId("follow.count")).toHaveText("يتبعونك: ٢ من ٢");
  await screenshot(facilitator.page, testInfo.outputPath("leading-ar.png"));
  await screenshot(kasia.page, testInfo.outputPath("following-ar.png"));
  for (const person of [facilitator, kasia]) await person.page.getByTestId("language.picker").selectOption("en");

  // Stopped: nobody follows any more, and nobody is asked to.
  await facilitator.page.getByTestId("follow.barStop").click();
  for (const participant of participants) await expect(participant.page.getByTestId("follow.bar")).toHaveCount(0);
  await pan(facilitator, 300, 0);
  await expect.poll(() => showsWhatLeaderShows(kasia, facilitator)).toBe(false);
});

test("anyone follows another person from the presence list, and stops; participants may hide others' cursors", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const { facilitator, kasia, jonas } = await workshopOfThree(home, openAsAnotherPerson);

  await kasia.page.getByTestId("presence.peer").and(kasia.page.locator('[data-name="Jonas"]')).click();
  await expect(kasia.page.getByTestId("follow.bar")).toContainText("Following Jonas");
  await pan(jonas, 600, 200);
  await expect.poll(() => showsWhatLeaderShows(kasia, jonas)).toBe(true);
  await expect(jonas.page.getByTestId("presence.followsMe")).toHaveCount(1);
  await kasia.page.getByTestId("follow.stopFollowing").click();
  await expect(kasia.page.getByTestId("follow.bar")).toHaveCount(0);
  await pan(jonas, -400, 0);
  await expect.poll(() => showsWhatLeaderShows(kasia, jonas)).toBe(false);

  // Hiding cursors is Kasia's own choice: Jonas still sees them.
  const box = await facilitator.canvasBox();
  const wave = async () => {
    for (const step of [0, 1, 2]) await facilitator.page.mouse.move(box.x + 300 + step * 40, box.y + 300);
  };
  await wave();
  await expect.poll(() => cursorsOnCanvas(kasia)).toBeGreaterThan(0);
  await kasia.page.getByTestId("toolbar.hideCursors").click();
  await expect(kasia.page.getByTestId("toolbar.hideCursors")).toHaveAttribute("aria-pressed", "true");
  await wave();
  await expect.poll(() => cursorsOnCanvas(jonas)).toBeGreaterThan(0);
  expect(await cursorsOnCanvas(kasia)).toBe(0);
  await screenshot(kasia.page, testInfo.outputPath("cursors-hidden-en.png"));
  await kasia.page.reload();
  await kasia.waitUntilSaved();
  await expect(kasia.page.getByTestId("toolbar.hideCursors")).toHaveAttribute("aria-pressed", "true");
  await kasia.page.getByTestId("toolbar.hideCursors").click();
  await wave();
  await expect.poll(() => cursorsOnCanvas(kasia)).toBeGreaterThan(0);
});
