import { expect, test } from "../fixtures/fixtures";

test("stages and lanes are renamed, reordered by drag, resized, collapsed and deleted; undo brings a lane back with its cards", async ({
  home,
}) => {
  await home.createBoard("Axes");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  await board.addCardAt("Consideration", "Irritants", "Hidden delivery fees");
  await board.page.keyboard.press("Escape");

  await board.openStageMenu("Awareness");
  await board.page.getByTestId("axis.title").fill("Discovery");
  await board.page.getByTestId("axis.rename").click();
  await expect
    .poll(() => board.stageTitles())
    .toEqual(["Discovery", "Consideration", "Purchase", "Retention", "Advocacy"]);

  const advocacy = await board.stageHeader("Advocacy");
  const discovery = await board.stageHeader("Discovery");
  await board.page.mouse.move(advocacy.x + advocacy.width / 2, advocacy.y + advocacy.height / 2);
  await board.page.mouse.down();
  await board.page.mouse.move(discovery.x + 10, advocacy.y + advocacy.height / 2, { steps: 8 });
  await board.page.mouse.up();
  await expect
    .poll(() => board.stageTitles())
    .toEqual(["Advocacy", "Discovery", "Consideration", "Purchase", "Retention"]);

  const before = await board.stageHeader("Purchase");
  const edge = { x: before.x + before.width - 1, y: before.y + before.height / 2 };
  await board.page.mouse.move(edge.x, edge.y);
  await board.page.mouse.down();
  await board.page.mouse.move(edge.x + 80, edge.y, { steps: 6 });
  await board.page.mouse.up();
  await expect.poll(async () => (await board.stageHeader("Purchase")).width).toBeGreaterThan(before.width + 40);

  await board.openStageMenu("Consideration");
  await board.page.getByTestId("axis.collapse").click();
  await expect.poll(() => board.isDrawn("Hidden delivery fees")).toBe(false);
  await board.openStageMenu("Consideration");
  await board.page.getByTestId("axis.collapse").click();
  await expect.poll(() => board.isDrawn("Hidden delivery fees")).toBe(true);

  await board.openLaneMenu("Irritants");
  await board.page.getByTestId("axis.delete").click();
  await expect(board.cards()).toHaveCount(0);
  await board.page.keyboard.press("ControlOrMeta+z");
  await expect(board.card("Hidden delivery fees")).toHaveCount(1);
  expect(await board.cardTexts()).toEqual(["Consideration / Irritants / Hidden delivery fees"]);
});
