import { readFileSync } from "node:fs";
import { expect, test } from "../fixtures/fixtures";

test("a board downloaded as board.json is imported from the home page as a new board with the same cards; a bad file is refused", async ({
  home,
  server,
}) => {
  await home.createBoard("Original");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  await board.addCardAt("Awareness", "Customer steps", "أبحث عن فستان صيفي");
  await board.addCardAt("Purchase", "Irritants", "Ukryte koszty dostawy");
  await board.page.getByTestId("panel.actions").click();
  const download = board.page.waitForEvent("download");
  await board.page.getByTestId("actions.exportBoard").click();
  const file = (await (await download).path())!;

  await board.page.getByTestId("panel.exports").click();
  const mermaid = board.page.waitForEvent("download");
  await board.page.getByTestId("exports.journey.mmd").click();
  const diagram = readFileSync((await (await mermaid).path())!, "utf8");
  expect(diagram.split("\n").slice(0, 4)).toEqual([
    "journey",
    "  title Original",
    "  section Awareness",
    "    أبحث عن فستان صيفي: 3: Customer",
  ]);

  await board.page.goto(server.url);
  await board.page.getByTestId("import.file").setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ format: "journeyboard/board", schemaVersion: 1 })),
  });
  await expect(board.page.getByTestId("import.error")).toContainText("schemaVersion");

  await board.page.getByTestId("import.file").setInputFiles(file);
  await board.page.getByTestId("links.panel").waitFor();
  const copy = await home.openBoard();
  await copy.waitUntilSaved();
  await expect(copy.page.getByTestId("board.title")).toHaveText("Original");
  expect((await copy.cardTexts()).sort()).toEqual([
    "Awareness / Customer steps / أبحث عن فستان صيفي",
    "Purchase / Irritants / Ukryte koszty dostawy",
  ]);

  await copy.page.getByTestId("panel.exports").click();
  const table = (text: string) => ({ name: "cards.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  await copy.page
    .getByTestId("exports.importCsv")
    .setInputFiles(table("stage,Steps,Feelings\nRetention,I come back,x\n"));
  await expect(copy.page.getByTestId("board.notice")).toContainText(
    "Nothing was added: this journey has no lane “Feelings”.",
  );
  await copy.page
    .getByTestId("exports.importCsv")
    .setInputFiles(table('\uFEFFstage,Customer steps,Irritants\r\nRetention,"I come back, again",Slow refund\r\n'));
  await expect(copy.page.getByTestId("board.notice")).toHaveText(/2 cards added\./);
  await expect(copy.cards()).toHaveCount(4);
  expect(await copy.cardTexts()).toEqual(
    expect.arrayContaining(["Retention / Customer steps / I come back, again", "Retention / Irritants / Slow refund"]),
  );
});
