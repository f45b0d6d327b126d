import { readFileSync } from "node:fs";
import { expect, test } from "../fixtures/fixtures";

test("a box drag selects cards; copied, they keep their layout when pasted on another board", async ({
  home,
  server,
}) => {
  await home.createBoard("Source");
  const source = await home.openBoard();
  await source.join("Ola", "sales");
  await source.addCardAt("Awareness", "Customer steps", "I see an ad");
  await source.addCardAt("Consideration", "Customer steps", "I compare prices");
  await source.addCardAt("Awareness", "Touchpoints", "Instagram ad");
  await source.addCardAt("Purchase", "Thoughts", "Will it fit?");

  const first = await source.cardBox("I see an ad");
  const right = await source.cardBox("I compare prices");
  const below = await source.cardBox("Instagram ad");
  await source.dragBox(
    { x: right.x + right.width / 2, y: below.y + below.height / 2 },
    { x: first.x + 10, y: first.y + 10 },
  );
  await expect(source.page.getByTestId("board.selectionCount")).toHaveText("3 cards selected");
  expect(await source.selectedTexts()).toEqual(["I compare prices", "I see an ad", "Instagram ad"]);
  await expect(source.page.locator(".marquee")).toHaveCount(0);

  const lone = await source.cardBox("Will it fit?");
  await source.page.keyboard.down("Shift");
  await source.page.mouse.click(lone.x + 20, lone.y + 20);
  await expect(source.page.getByTestId("board.selectionCount")).toHaveText("4 cards selected");
  await source.page.mouse.click(right.x + 20, right.y + 20);
  await source.page.keyboard.up("Shift");
  expect(await source.selectedTexts()).toEqual(["I see an ad", "Instagram ad", "Will it fit?"]);
  await source.page.keyboard.press("ControlOrMeta+c");

  await source.page.goto(server.url);
  await home.createBoard("Target");
  const target = await home.openBoard();
  await target.waitUntilSaved();
  const purchase = await target.cellCentre("Purchase", "Customer steps");
  await target.page.mouse.move(purchase.x, purchase.y + 30);
  await target.page.keyboard.press("ControlOrMeta+v");
  await expect(target.cards()).toHaveCount(3);
  expect((await target.cardTexts()).sort()).toEqual([
    "Advocacy / Thoughts / Will it fit?",
    "Purchase / Customer steps / I see an ad",
    "Purchase / Touchpoints / Instagram ad",
  ]);
  await expect(target.page.getByTestId("board.selectionCount")).toHaveText("3 cards selected");
  await target.page.keyboard.press("ControlOrMeta+z");
  await expect(target.cards()).toHaveCount(0);
});

test("cards out of view are not drawn; the minimap brings them into view", async ({ home }) => {
  await home.createBoard("Far away");
  const board = await home.openBoard();
  await board.join("Reza", "digital");
  await board.addCardAt("Awareness", "Customer steps", "I hear about it");
  await board.page.keyboard.press("Escape");
  await board.addCardAt("Advocacy", "Customer steps", "My refund arrives");
  for (let i = 0; i < 6; i++) await board.page.getByTestId("toolbar.zoomIn").click();
  await board.page.keyboard.press("Escape");

  const minimap = board.page.getByTestId("board.minimap");
  const map = (await minimap.boundingBox())!;
  await minimap.click({ position: { x: 4, y: 4 } });
  await expect.poll(() => board.isDrawn("I hear about it")).toBe(true);
  await expect.poll(() => board.isDrawn("My refund arrives")).toBe(false);
  await minimap.click({ position: { x: map.width - 4, y: 4 } });
  await expect.poll(() => board.isDrawn("My refund arrives")).toBe(true);
  await expect.poll(() => board.isDrawn("I hear about it")).toBe(false);
  await expect(board.cards()).toHaveCount(2);

  await board.page.keyboard.press("m");
  await expect(minimap).toBeHidden();
});

test("far out, cards are drawn as tiles that still select", async ({ home }) => {
  await home.createBoard("Overview");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  await board.addCardAt("Awareness", "Customer steps", "I hear about it");
  const card = await board.cardBox("I hear about it");
  const zoom = board.page.getByTestId("toolbar.zoomLevel");
  while (parseInt((await zoom.textContent()) ?? "0", 10) >= 30) await board.page.getByTestId("toolbar.zoomOut").click();
  await expect.poll(() => board.isDrawn("I hear about it")).toBe(false);
  const tiles = await board.page.evaluate(() => {
    const shape = window.Konva?.stages[0]?.findOne(".card-tiles");
    if (!shape) return null;
    const rect = shape.getClientRect();
    const container = shape.getStage().container().getBoundingClientRect();
    return { x: container.x + rect.x, y: container.y + rect.y, width: rect.width, height: rect.height };
  });
  expect(tiles).not.toBeNull();
  await board.page.keyboard.press("Escape");
  await expect(board.page.getByTestId("board.selectionCount")).toHaveText("");
  await board.page.mouse.click(tiles!.x + tiles!.width / 2, tiles!.y + tiles!.height / 2);
  await expect(board.page.getByTestId("board.selectionCount")).toHaveText("1 card selected");
  expect(card.width).toBeGreaterThan(tiles!.width);
});

test("a picture (PNG) and a drawing (SVG) of the whole journey download in full, whatever is on screen", async ({
  home,
}) => {
  await home.createBoard("Picture");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  await board.addCardAt("Advocacy", "Customer steps", "I tell my friends");
  await board.page.keyboard.press("Escape");
  for (let i = 0; i < 6; i++) await board.page.getByTestId("toolbar.zoomIn").click();
  await board.page.getByTestId("panel.exports").click();
  const download = board.page.waitForEvent("download");
  await board.page.getByTestId("exports.picture").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("journey.png");
  const png = readFileSync((await file.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBeGreaterThan(2000);
  expect(height).toBeGreaterThan(1000);
  await expect.poll(() => board.isDrawn("I tell my friends")).toBe(false);

  const drawing = board.page.waitForEvent("download");
  await board.page.getByTestId("exports.svg").click();
  const svgFile = await drawing;
  expect(svgFile.suggestedFilename()).toBe("journey.svg");
  const svg = readFileSync((await svgFile.path())!, "utf8");
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg).toContain(">I tell my friends</text>");
  expect(svg).toContain(">Advocacy</text>");
});
