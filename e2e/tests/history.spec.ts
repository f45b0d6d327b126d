import { expect, test } from "../fixtures/fixtures";

test("a named snapshot is restored as an undoable change", async ({ home }) => {
  await home.createBoard("History");
  const board = await home.openBoard();
  await board.join("Amira", "callCentre");
  await board.addCardAt("Awareness", "Customer steps", "I see an ad");
  await board.page.keyboard.press("Escape");

  await board.page.getByTestId("panel.history").click();
  await board.page.getByTestId("history.name").fill("Morning");
  await board.page.getByTestId("history.save").click();
  await expect(board.page.getByTestId("history.item")).toHaveCount(1);

  await board.page.getByTestId("panel.history").click();
  await board.addCardAt("Purchase", "Irritants", "Hidden fees");
  await board.selectCard("I see an ad");
  await board.page.keyboard.press("Delete");
  await expect.poll(() => board.cardTexts()).toEqual(["Purchase / Irritants / Hidden fees"]);

  await board.page.getByTestId("panel.history").click();
  await board.page.getByTestId("history.restore").click();
  await expect(board.page.getByTestId("board.notice")).toContainText("Restored “Morning”");
  await expect.poll(() => board.cardTexts()).toEqual(["Awareness / Customer steps / I see an ad"]);
  await board.page.keyboard.press("ControlOrMeta+z");
  await expect.poll(() => board.cardTexts()).toEqual(["Purchase / Irritants / Hidden fees"]);
});
