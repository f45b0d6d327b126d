import { expect, test } from "../fixtures/fixtures";

test("cards are edited in place, dragged to another cell and deleted; undo reverts only your own edits", async ({
  home,
  openAsAnotherPerson,
}) => {
  const links = await home.createBoard("Editing");
  const me = await home.openBoard();
  await me.join("Ola", "sales");
  const colleague = await openAsAnotherPerson(links.participant);
  await colleague.join("Reza", "afterSales");

  await me.addCardFromToolbar("I look for a summer dress");
  const id = await me.cardId("I look for a summer dress");
  const centre = await me.cardCentre(id);
  await me.page.mouse.dblclick(centre.x, centre.y);
  await me.typeInEditor("I look for a linen summer dress");
  await expect(colleague.card("I look for a linen summer dress")).toHaveCount(1);

  const from = await me.cardCentre(id);
  const to = await me.cellCentre("Purchase", "Touchpoints");
  await me.page.mouse.move(from.x, from.y);
  await me.page.mouse.down();
  await me.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await me.page.mouse.move(to.x, to.y + 30, { steps: 5 });
  await me.page.mouse.up();
  await expect.poll(() => colleague.cardTexts()).toEqual(["Purchase / Touchpoints / I look for a linen summer dress"]);

  await colleague.addCardFromToolbar("Delivery took a week");
  await expect(me.card("Delivery took a week")).toHaveCount(1);

  await me.page.keyboard.press("Control+z");
  await expect
    .poll(async () => (await colleague.cardTexts()).sort())
    .toEqual([
      "Awareness / Customer steps / Delivery took a week",
      "Awareness / Customer steps / I look for a linen summer dress",
    ]);
  await me.page.keyboard.press("Control+Shift+z");
  await expect.poll(() => me.cardTexts()).toContain("Purchase / Touchpoints / I look for a linen summer dress");

  const mine = await me.cardCentre(id);
  await me.page.mouse.click(mine.x, mine.y);
  await me.page.keyboard.press("Delete");
  await expect.poll(() => colleague.cardTexts()).toEqual(["Awareness / Customer steps / Delivery took a week"]);
  await me.page.getByTestId("toolbar.undo").click();
  await expect(colleague.card("I look for a linen summer dress")).toHaveCount(1);
});

test("a new card left empty is never created, and a person can change the name others see", async ({
  home,
  openAsAnotherPerson,
}) => {
  const links = await home.createBoard("Drafts");
  const me = await home.openBoard();
  await me.join("Ola", "sales");
  const colleague = await openAsAnotherPerson(links.participant);
  await colleague.join("Reza", "afterSales");

  await me.page.keyboard.press("n");
  await me.page.getByTestId("card.editor").press("Escape");
  await me.page.getByTestId("toolbar.addCard").click();
  await me.page.getByTestId("card.editor").fill("   ");
  await me.page.getByTestId("card.editor").press("Enter");
  await me.addCardFromToolbar("Kept");
  await expect(colleague.cards()).toHaveCount(1);
  await expect(me.page.getByTestId("toolbar.undo")).toBeEnabled();

  await me.page.getByTestId("presence.me").click();
  await me.join("Ola K.", "marketing");
  await expect(colleague.page.getByTestId("presence.person").filter({ hasText: "Ola K. · Marketing" })).toHaveCount(1);
  await expect(me.card("Kept")).toHaveCount(1);
});

test("the help panel lists the keyboard shortcuts", async ({ home }) => {
  await home.createBoard("Help");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  await board.page.keyboard.press("Shift+?");
  const panel = board.page.getByTestId("help.panel");
  await expect(panel).toContainText("Undo");
  await expect(panel).toContainText("Ctrl+Z");
  await expect(panel).toContainText("Zoom to fit");
});
