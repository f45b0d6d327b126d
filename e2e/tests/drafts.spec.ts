import type { Page } from "@playwright/test";
import type { BoardPage } from "../pages/BoardPage";
import { expect, test } from "../fixtures/fixtures";

/** Every frame the page's sockets receive from now on, as text (binary frames byte for byte). */
function framesOf(page: Page): string[] {
  const frames: string[] = [];
  page.on("websocket", (socket) =>
    socket.on("framereceived", ({ payload }) =>
      frames.push(typeof payload === "string" ? payload : payload.toString("latin1")),
    ),
  );
  return frames;
}

const withWord = (frames: string[], words: string[]) => frames.filter((frame) => words.some((w) => frame.includes(w)));

const draftsOnCanvas = (board: BoardPage) =>
  board.page.evaluate(() => window.Konva?.stages[0]?.find(".draft").length ?? 0);

test("three people draft alone, one reloads and keeps their drafts, the facilitator reveals, and every draft appears once for everyone", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Drafting");
  const facilitatorFrames = framesOf(home.page);
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  const kasia = await openAsAnotherPerson(links.participant);
  const kasiaFrames = framesOf(kasia.page);
  await kasia.join("Kasia", "digital");
  const jonas = await openAsAnotherPerson(links.participant);
  const jonasFrames = framesOf(jonas.page);
  await jonas.join("Jonas", "sales");

  await facilitator.page.getByTestId("phase.select").selectOption("draft");
  await expect(kasia.page.getByTestId("phase.current")).toHaveText("Phase: Write alone");
  await expect(jonas.page.getByTestId("phase.current")).toHaveText("Phase: Write alone");
  // Leaving the drafting phase is only for a phase where the drafts can be published.
  await expect(facilitator.page.locator('[data-testid="phase.select"] option[value="vote"]')).toBeDisabled();

  const kasiaWords = ["qzxKasiaFeesHidden", "qzxKasiaNoTracking"];
  const jonasWords = ["qzxJonasQueueLong"];
  await kasia.addCardAt("Awareness", "Customer steps", kasiaWords[0]!);
  await kasia.addCardAt("Purchase", "Irritants", kasiaWords[1]!);
  await jonas.addCardAt("Awareness", "Customer steps", jonasWords[0]!);
  await expect(kasia.page.getByTestId("drafts.count")).toHaveText("2 private drafts");
  await expect(jonas.page.getByTestId("drafts.count")).toHaveText("1 private draft");
  await expect.poll(() => draftsOnCanvas(kasia)).toBe(2);
  await expect(facilitator.page.getByTestId("drafts.pending")).toHaveText("2 people have drafts pending");
  await expect(facilitator.cards()).toHaveCount(0);
  await expect(jonas.cards()).toHaveCount(0);
  await expect.poll(() => draftsOnCanvas(facilitator)).toBe(0);

  await kasia.page.getByTestId("drafts.count").click();
  await expect(kasia.page.getByTestId("drafts.item")).toHaveText([
    new RegExp(kasiaWords[0]!),
    new RegExp(kasiaWords[1]!),
  ]);
  await kasia.page.screenshot({ path: testInfo.outputPath("drafts-en.png") });
  await kasia.page.getByTestId("language.picker").selectOption("ar");
  await expect(kasia.page.getByTestId("drafts.count")).toHaveText("مسودتان خاصتان");
  await kasia.page.screenshot({ path: testInfo.outputPath("drafts-ar.png") });
  await kasia.page.getByTestId("language.picker").selectOption("en");

  // Closing the tab with drafts not yet published asks first.
  const prompt = jonas.page.waitForEvent("dialog");
  await jonas.page.close({ runBeforeUnload: true });
  const dialog = await prompt;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  await expect(jonas.page.getByTestId("drafts.count")).toHaveText("1 private draft");

  await kasia.page.reload();
  await kasia.waitUntilSaved();
  await expect(kasia.page.getByTestId("drafts.count")).toHaveText("2 private drafts");
  await expect.poll(() => draftsOnCanvas(kasia)).toBe(2);

  expect(facilitatorFrames.length).toBeGreaterThan(0);
  expect(withWord([...facilitatorFrames, ...jonasFrames], kasiaWords)).toEqual([]);
  expect(withWord([...facilitatorFrames, ...kasiaFrames], jonasWords)).toEqual([]);

  await facilitator.page.screenshot({ path: testInfo.outputPath("facilitator-en.png") });
  await facilitator.page.getByTestId("drafts.reveal").click();
  const everyCard = [
    `Awareness / Customer steps / ${kasiaWords[0]}`,
    `Awareness / Customer steps / ${jonasWords[0]}`,
    `Purchase / Irritants / ${kasiaWords[1]}`,
  ].sort();
  for (const person of [facilitator, kasia, jonas]) {
    await expect.poll(async () => (await person.cardTexts()).sort()).toEqual(everyCard);
    await expect.poll(() => draftsOnCanvas(person)).toBe(0);
  }
  await expect(kasia.page.getByTestId("drafts.count")).toHaveCount(0);
  await expect(facilitator.page.getByTestId("phase.select")).toHaveValue("diverge");
  expect(withWord(facilitatorFrames, [...kasiaWords, ...jonasWords]).length).toBeGreaterThan(0);
  await facilitator.page.screenshot({ path: testInfo.outputPath("revealed-en.png") });
});
