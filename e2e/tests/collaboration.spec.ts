import { expect, test } from "../fixtures/fixtures";

test("a facilitator creates a board, a participant joins by link, a viewer watches, and it survives a restart", async ({
  home,
  server,
  openAsAnotherPerson,
}) => {
  const links = await home.createBoard("Buying a summer dress online");
  expect(links.participant).toContain("#token=");

  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  await expect(facilitator.page.getByTestId("board.role")).toHaveText("Facilitator");

  const participant = await openAsAnotherPerson(links.participant);
  await participant.join("Kasia", "digital");
  await expect(participant.page.getByTestId("board.title")).toHaveText("Buying a summer dress online");

  await participant.addCardFromToolbar("I compare prices online");
  await expect(facilitator.card("I compare prices online")).toHaveCount(1);

  const cell = await facilitator.cellCentre("Consideration", "Irritants");
  await facilitator.page.mouse.dblclick(cell.x, cell.y + 20);
  await facilitator.typeInEditor("أنتظر طويلاً على الهاتف");
  await expect(participant.card("أنتظر طويلاً على الهاتف")).toHaveCount(1);
  expect(await participant.cardTexts()).toEqual([
    "Awareness / Customer steps / I compare prices online",
    "Consideration / Irritants / أنتظر طويلاً على الهاتف",
  ]);

  await expect(facilitator.page.getByTestId("presence.person")).toHaveCount(2);

  const viewer = await openAsAnotherPerson(links.viewer);
  await viewer.join("", "marketing");
  await expect(viewer.page.getByTestId("board.viewOnly")).toBeVisible();
  await expect(viewer.card("I compare prices online")).toHaveCount(1);
  await expect(viewer.page.getByTestId("toolbar.addCard")).toHaveCount(0);
  const card = await viewer.cardCentre(await viewer.cardId("I compare prices online"));
  await viewer.page.mouse.dblclick(card.x, card.y);
  await viewer.page.keyboard.press("n");
  await viewer.page.mouse.dblclick(cell.x, cell.y + 120);
  await expect(viewer.page.getByTestId("card.editor")).toHaveCount(0);
  await expect(facilitator.cards()).toHaveCount(2);

  await participant.waitUntilSaved();
  await server.stop();
  await expect(facilitator.page.getByTestId("connection.status")).toHaveAttribute("data-state", "offline");
  await server.start();
  await facilitator.waitUntilSaved();
  await participant.page.reload();
  await participant.waitUntilSaved();
  expect(await participant.cardTexts()).toEqual([
    "Awareness / Customer steps / I compare prices online",
    "Consideration / Irritants / أنتظر طويلاً على الهاتف",
  ]);
});

test("a link with a wrong token or to an unknown board says so", async ({ page, server }) => {
  await page.goto(`${server.url}/b/no-such-board#token=whatever`);
  await expect(page.getByTestId("board.message")).toHaveAttribute("data-reason", "unknown-board");
  await page.goto(`${server.url}/b/no-such-board`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByTestId("board.message")).toHaveAttribute("data-reason", "missingToken");
});
