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

type Box = { x: number; y: number; width: number; height: number };

/** The boxes of the drafts and of the strips that add a card, on the page. */
const boxesOnCanvas = (board: BoardPage) =>
  board.page.evaluate(() => {
    const stage = window.Konva!.stages[0]!;
    const container = stage.container().getBoundingClientRect();
    const onPage = (name: string) =>
      stage.find(name).map((node) => {
        const box = node.getClientRect();
        return { x: container.x + box.x, y: container.y + box.y, width: box.width, height: box.height };
      });
    return { drafts: onPage(".draft"), adds: onPage(".add-slot") };
  });

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

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

  const kasiaWords = ["qzxKasiaFeesHidden", "qzxKasiaNoTracking", "qzxKasiaAdsLoud", "qzxKasiaPricesVague"];
  const jonasWords = ["qzxJonasQueueLong"];
  await kasia.addCardAt("Awareness", "Customer steps", kasiaWords[0]!);
  await kasia.addCardAt("Purchase", "Irritants", kasiaWords[1]!);
  await kasia.addCardAt("Awareness", "Customer steps", kasiaWords[2]!);
  await kasia.addCardAt("Awareness", "Customer steps", kasiaWords[3]!);
  await jonas.addCardAt("Awareness", "Customer steps", jonasWords[0]!);
  await expect(kasia.page.getByTestId("drafts.count")).toHaveText("4 private drafts");
  await expect(jonas.page.getByTestId("drafts.count")).toHaveText("1 private draft");
  await expect.poll(() => draftsOnCanvas(kasia)).toBe(4);
  // Three drafts in one cell each have a place of their own, clear of one another and of the strip that adds a card.
  const { drafts, adds } = await boxesOnCanvas(kasia);
  drafts.forEach((box, i) => {
    drafts.slice(i + 1).forEach((other) => expect(overlap(box, other)).toBe(false));
    adds.forEach((add) => expect(overlap(box, add)).toBe(false));
  });
  await kasia.page.screenshot({ path: testInfo.outputPath("three-drafts-en.png") });

  // The author edits a draft in place, with the card editor; it stays a draft.
  const edited = `${kasiaWords[0]}AtCheckout`;
  const first = drafts[0]!;
  await kasia.page.mouse.dblclick(first.x + first.width / 2, first.y + first.height / 2);
  const editor = kasia.page.getByTestId("card.editor");
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue(kasiaWords[0]!);
  await kasia.typeInEditor(edited);
  await expect(kasia.page.getByTestId("drafts.count")).toHaveText("4 private drafts");
  await expect(facilitator.page.getByTestId("drafts.pending")).toHaveText("2 people have drafts pending");
  await expect(facilitator.cards()).toHaveCount(0);
  await expect(jonas.cards()).toHaveCount(0);
  await expect.poll(() => draftsOnCanvas(facilitator)).toBe(0);

  await kasia.page.getByTestId("drafts.count").click();
  await expect(kasia.page.getByTestId("drafts.item")).toHaveText([
    new RegExp(edited),
    new RegExp(kasiaWords[1]!),
    new RegExp(kasiaWords[2]!),
    new RegExp(kasiaWords[3]!),
  ]);
  // The keyboard reaches a draft from its list: Enter on its Edit opens it in the editor, Escape leaves it as it was.
  await kasia.page.getByTestId("drafts.edit").nth(1).focus();
  await kasia.page.keyboard.press("Enter");
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue(kasiaWords[1]!);
  await kasia.page.keyboard.press("Escape");
  await expect(editor).toHaveCount(0);
  await kasia.page.getByTestId("drafts.count").click();
  await expect(kasia.page.getByTestId("drafts.item").nth(1)).toContainText(kasiaWords[1]!);
  await kasia.page.screenshot({ path: testInfo.outputPath("drafts-en.png") });
  await kasia.page.getByTestId("language.picker").selectOption("ar");
  await expect(kasia.page.getByTestId("drafts.count")).toHaveText(/مسودات خاصة/);
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
  await expect(kasia.page.getByTestId("drafts.count")).toHaveText("4 private drafts");
  await expect.poll(() => draftsOnCanvas(kasia)).toBe(4);
  await kasia.page.getByTestId("drafts.count").click();
  await expect(kasia.page.getByTestId("drafts.item").first()).toContainText(edited);

  expect(facilitatorFrames.length).toBeGreaterThan(0);
  expect(withWord([...facilitatorFrames, ...jonasFrames], kasiaWords)).toEqual([]);
  expect(withWord([...facilitatorFrames, ...kasiaFrames], jonasWords)).toEqual([]);

  await facilitator.page.screenshot({ path: testInfo.outputPath("facilitator-en.png") });
  await facilitator.page.getByTestId("drafts.reveal").click();
  const everyCard = [
    `Awareness / Customer steps / ${edited}`,
    `Awareness / Customer steps / ${kasiaWords[2]}`,
    `Awareness / Customer steps / ${kasiaWords[3]}`,
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
