import { expect, test } from "../fixtures/fixtures";

test("the home page loads without the board's code (canvas, Yjs), which comes when a board is opened", async ({
  home,
  page,
}) => {
  const scripts: string[] = [];
  page.on("request", (request) => request.resourceType() === "script" && scripts.push(request.url()));
  await page.reload();
  await expect(page.getByTestId("create.form")).toBeVisible();
  expect(await page.evaluate(() => "Konva" in window)).toBe(false);
  expect(scripts.some((url) => /BoardPage/.test(url))).toBe(false);

  await home.createBoard("Split");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  expect(await page.evaluate(() => "Konva" in window)).toBe(true);
});
