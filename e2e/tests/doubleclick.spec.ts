import { expect, test } from "../fixtures/fixtures";

// Konva's own dblclick times the gap between its handlers: with the page this busy (8x slower), the
// first click's work outlasts its 400 ms and about a third of quick double-clicks were read as two clicks.
test("a double-click adds or opens a card even while the page is too busy to keep up", async ({ home }) => {
  await home.createBoard("Busy");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  const cdp = await board.page.context().newCDPSession(board.page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 8 });
  const editor = board.page.getByTestId("card.editor");

  const stages = ["Awareness", "Consideration", "Purchase", "Retention"];
  for (const stage of stages) {
    const cell = await board.cellCentre(stage, "Irritants");
    await board.page.mouse.dblclick(cell.x, cell.y + 20);
    await board.typeInEditor(`late in ${stage}`);
  }
  for (const stage of stages) {
    const centre = await board.cardCentre(await board.cardId(`late in ${stage}`));
    await board.page.mouse.dblclick(centre.x, centre.y);
    await expect(editor).toHaveValue(`late in ${stage}`);
    await editor.press("Escape");
    await expect(editor).toBeHidden();
  }
});
