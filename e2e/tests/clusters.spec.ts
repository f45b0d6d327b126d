import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/fixtures";
import type { BoardPage } from "../pages/BoardPage";

const screenshot = (page: Page, path: string) => page.screenshot({ path, fullPage: true });

/** The names of the cluster headings drawn on a person's canvas, each once per heading. */
const headings = (person: BoardPage) =>
  person.page.evaluate(() =>
    (window.Konva?.stages[0]?.find(".cluster-heading") ?? []).map((heading) => heading.findOne("Text")?.text()),
  );

/** Presses a cluster's heading (by its name) on a person's canvas: its menu opens. */
async function openHeading(person: BoardPage, name: string) {
  const point = await person.page.evaluate((cluster) => {
    const text = window.Konva?.stages[0]
      ?.find(".cluster-heading")
      .map((heading) => heading.findOne("Text"))
      .find((node) => node?.text() === cluster);
    if (!text) throw new Error(`no heading ${cluster}`);
    const r = text.getClientRect();
    const container = text.getStage().container().getBoundingClientRect();
    return { x: container.x + r.x + r.width / 2, y: container.y + r.y + r.height / 2 };
  }, name);
  await person.page.mouse.click(point.x, point.y);
  await expect(person.page.getByTestId("cluster.menu")).toBeVisible();
}

/** A close look at the cell of a card: zoomed in round it (Ctrl and the wheel), the part of the screen about it. */
async function cellShot(person: BoardPage, text: string, path: string) {
  const zoom = person.page.getByTestId("toolbar.zoomLevel");
  const before = await zoom.textContent();
  const centre = await person.cardCentre(await person.cardId(text));
  await person.page.mouse.move(centre.x, centre.y);
  await person.page.keyboard.down("Control");
  await person.page.mouse.wheel(0, -600);
  await person.page.keyboard.up("Control");
  await expect(zoom).not.toHaveText(before!);
  await expect(async () => expect(await person.isDrawn(text)).toBe(true)).toPass();
  const box = await person.cardBox(text);
  const clip = {
    x: box.x - box.width * 0.3,
    y: box.y - box.height * 1.5,
    width: box.width * 1.6,
    height: box.height * 4,
  };
  await person.page.screenshot({ path, clip });
  await person.page.getByTestId("toolbar.zoomToFit").click();
}

test("the facilitator groups two selected cards under a name, which a participant sees once as a heading over them; it is renamed and ungrouped from its heading; a participant who may not change those cards is offered neither and told why", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Clusters");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  for (const text of ["Hidden delivery fees", "Fees shown only at checkout", "Slow website"]) {
    await facilitator.addCardAt("Awareness", "Irritants", text);
  }
  await facilitator.addCardAt("Consideration", "Irritants", "Long queue at the till");
  await facilitator.page.keyboard.press("Escape");
  const kasia = await openAsAnotherPerson(links.participant);
  await kasia.join("Kasia", "digital");
  await expect(kasia.cards()).toHaveCount(4);

  // Cards of two cells are not grouped: the button says why.
  const { page } = facilitator;
  const group = page.getByTestId("toolbar.groupSelection");
  await expect(group).toBeDisabled();
  await facilitator.selectCard("Hidden delivery fees");
  const shiftClick = async (text: string) => {
    const box = await facilitator.cardBox(text);
    await page.keyboard.down("Shift");
    await page.mouse.click(box.x + 20, box.y + 20);
    await page.keyboard.up("Shift");
  };
  await shiftClick("Long queue at the till");
  await expect(page.getByTestId("board.selectionCount")).toHaveText("2 cards selected");
  await expect(group).toBeDisabled();
  await expect(group).toHaveAttribute(
    "title",
    "Only cards of one cell are grouped: select cards of one stage and lane.",
  );

  await facilitator.selectCard("Hidden delivery fees");
  await shiftClick("Fees shown only at checkout");
  await expect(page.getByTestId("board.selectionCount")).toHaveText("2 cards selected");
  // Escape leaves the cards as they were.
  await group.click();
  await page.getByTestId("toolbar.clusterName").fill("Never mind");
  await page.getByTestId("toolbar.clusterName").press("Escape");
  await expect(page.getByTestId("toolbar.clusterName")).toHaveCount(0);
  await group.click();
  await expect(page.getByTestId("toolbar.clusterName")).toBeFocused();
  await page.getByTestId("toolbar.clusterName").fill("Pricing");
  await page.getByTestId("toolbar.clusterName").press("Enter");
  await expect(page.getByTestId("toolbar.clusterName")).toHaveCount(0);
  await expect.poll(() => headings(kasia)).toEqual(["Pricing"]);
  await expect.poll(() => headings(facilitator)).toEqual(["Pricing"]);
  // A screen reader hears it in the list of cards too.
  await expect(kasia.page.locator('[data-testid="board.cardList"] li', { hasText: "Hidden delivery fees" })).toHaveText(
    /, in the cluster “Pricing”$/,
  );
  // The heading stands above the cluster's first card, clear of it.
  const first = await kasia.cardBox("Hidden delivery fees");
  const [heading] = await kasia.page.evaluate(() =>
    (window.Konva?.stages[0]?.find(".cluster-heading") ?? []).map((node) => node.findOne("Text")!.getClientRect()),
  );
  const canvasTop = (await kasia.canvasBox()).y;
  expect(canvasTop + heading!.y + heading!.height).toBeLessThanOrEqual(first.y);

  // An Arabic name reads from the right, in English and in Arabic.
  await facilitator.selectCard("Slow website");
  await group.click();
  await page.getByTestId("toolbar.clusterName").fill("موقع بطيء");
  await page.getByTestId("toolbar.clusterName").press("Enter");
  await expect.poll(() => headings(kasia)).toEqual(["Pricing", "موقع بطيء"]);
  expect(await kasia.textOnCanvas("موقع بطيء")).toBe("rtl right");
  await kasia.page.keyboard.press("Escape");
  await screenshot(kasia.page, testInfo.outputPath("clusters-en.png"));
  await cellShot(kasia, "Hidden delivery fees", testInfo.outputPath("cluster-cell-en.png"));
  await kasia.page.getByTestId("language.picker").selectOption("ar");
  await expect(kasia.page.getByTestId("toolbar.groupSelection")).toHaveAttribute(
    "aria-label",
    "جمّع البطاقات المحددة تحت اسم",
  );
  expect(await kasia.textOnCanvas("موقع بطيء")).toBe("rtl right");
  expect(await kasia.textOnCanvas("Pricing")).toBe("ltr left");
  await screenshot(kasia.page, testInfo.outputPath("clusters-ar.png"));
  await cellShot(kasia, "Fees shown only at checkout", testInfo.outputPath("cluster-cell-ar.png"));
  await kasia.page.getByTestId("language.picker").selectOption("en");

  // Renamed from its heading (Escape first leaves the name as it was).
  await openHeading(facilitator, "Pricing");
  await page.getByTestId("cluster.name").fill("Not this");
  await page.getByTestId("cluster.name").press("Escape");
  await expect(page.getByTestId("cluster.menu")).toHaveCount(0);
  await openHeading(facilitator, "Pricing");
  await expect(page.getByTestId("cluster.name")).toHaveValue("Pricing");
  await page.getByTestId("cluster.name").fill("Hidden costs");
  await page.getByTestId("cluster.name").press("Enter");
  await expect.poll(() => headings(kasia)).toEqual(["Hidden costs", "موقع بطيء"]);
  // The keyboard opens the same menu from a card of the cluster (G).
  await facilitator.selectCard("Hidden delivery fees");
  await page.keyboard.press("g");
  await expect(page.getByTestId("cluster.name")).toBeFocused();
  await expect(page.getByTestId("cluster.name")).toHaveValue("Hidden costs");
  await page.getByTestId("cluster.name").press("Escape");
  await expect(page.getByTestId("cluster.menu")).toHaveCount(0);

  // In a phase that keeps participants to their own cards, Kasia is offered nothing on the facilitator's.
  await page.getByTestId("phase.select").selectOption("diverge");
  await expect(kasia.page.getByTestId("phase.current")).toHaveText("Phase: Ideas");
  const notYours = "Someone else wrote this card: in this phase participants change only their own.";
  await kasia.selectCard("Slow website");
  await expect(kasia.page.getByTestId("toolbar.groupSelection")).toBeDisabled();
  await expect(kasia.page.getByTestId("toolbar.groupSelection")).toHaveAttribute("title", notYours);
  await expect(kasia.page.getByTestId("toolbar.ungroupSelection")).toBeDisabled();
  await expect(kasia.page.getByTestId("toolbar.ungroupSelection")).toHaveAttribute("title", notYours);
  await kasia.page.keyboard.press("Escape");
  await openHeading(kasia, "Hidden costs");
  await expect(kasia.page.getByTestId("cluster.refusal")).toHaveText(notYours);
  await expect(kasia.page.getByTestId("cluster.rename")).toBeDisabled();
  await expect(kasia.page.getByTestId("cluster.ungroup")).toBeDisabled();
  await screenshot(kasia.page, testInfo.outputPath("cluster-refused-en.png"));
  await kasia.page.keyboard.press("Escape");

  // Ungrouped from its heading: the cards stay, the heading goes for everyone.
  await openHeading(facilitator, "Hidden costs");
  await page.getByTestId("cluster.ungroup").click();
  await expect.poll(() => headings(kasia)).toEqual(["موقع بطيء"]);
  await expect(kasia.cards()).toHaveCount(4);
  // "Remove from cluster" takes a selected card out.
  await facilitator.selectCard("Slow website");
  await page.getByTestId("toolbar.ungroupSelection").click();
  await expect.poll(() => headings(kasia)).toEqual([]);
});
