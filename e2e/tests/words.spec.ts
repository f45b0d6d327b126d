import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { expect, test } from "../fixtures/fixtures";
import type { BoardPage } from "../pages/BoardPage";
import type { HomePage } from "../pages/HomePage";

/** A new board with two people on it: the facilitator (Ola) and a participant (Reza), each in a browser of their own. */
async function twoPeople(home: HomePage, openAsAnotherPerson: (url: string) => Promise<BoardPage>) {
  const links = await home.createBoard("Words");
  const me = await home.openBoard();
  await me.join("Ola", "sales");
  const colleague = await openAsAnotherPerson(links.participant);
  await colleague.join("Reza", "afterSales");
  return { me, colleague };
}

const panelText = (person: BoardPage) => person.page.getByTestId("cardPanel.text");

test("a card's panel shows a colleague's words as they are typed, also with the caret in it, and leaving it keeps them", async ({
  home,
  openAsAnotherPerson,
}) => {
  const { me, colleague } = await twoPeople(home, openAsAnotherPerson);
  await me.addCardAt("Purchase", "Irritants", "I wait for the courier");
  await expect(colleague.card("I wait for the courier")).toHaveCount(1);
  await me.selectCard("I wait for the courier");
  await colleague.selectCard("I wait for the courier");

  await panelText(colleague).click();
  await colleague.page.keyboard.press("End");
  await colleague.page.keyboard.type(" all week");
  await expect(panelText(me)).toHaveValue("I wait for the courier all week");

  await panelText(me).click();
  await me.page.keyboard.press("Home");
  await colleague.page.keyboard.type(", again");
  await expect(panelText(me)).toHaveValue("I wait for the courier all week, again");
  await me.page.keyboard.type("Still: ");
  await me.page.keyboard.press("Tab");

  const both = "Still: I wait for the courier all week, again";
  await expect(panelText(colleague)).toHaveValue(both);
  await expect(me.card(both)).toHaveCount(1);
  await expect(colleague.card(both)).toHaveCount(1);
  await expect(colleague.page.getByTestId("liveText.caret")).toHaveCount(0);
});

test("two people typing in one card at the same time both keep their words, on every screen and after a reload, each seeing the other's caret", async ({
  home,
  openAsAnotherPerson,
}) => {
  const { me, colleague } = await twoPeople(home, openAsAnotherPerson);
  await me.addCardAt("Consideration", "Customer steps", "I compare prices");
  await colleague.selectCard("I compare prices");
  const card = await me.cardCentre(await me.cardId("I compare prices"));
  await me.page.mouse.dblclick(card.x, card.y);
  const editor = me.page.getByTestId("card.editor");
  await expect(editor).toBeFocused();

  await panelText(colleague).click();
  await colleague.page.keyboard.press("Home");
  await expect(colleague.page.getByTestId("liveText.caret")).toContainText("Ola");
  await expect(editor.locator("..").getByTestId("liveText.caret")).toContainText("Reza");
  await Promise.all([
    me.page.keyboard.type(" online, twice", { delay: 40 }),
    colleague.page.keyboard.type("Every evening ", { delay: 40 }),
  ]);
  const both = "Every evening I compare prices online, twice";
  await expect(editor).toHaveValue(both);
  await expect(panelText(colleague)).toHaveValue(both);
  await me.page.keyboard.press("Enter");
  await expect(editor).toBeHidden();

  await me.page.reload();
  await me.waitUntilSaved();
  await expect(me.card(both)).toHaveCount(1);
  await expect(colleague.card(both)).toHaveCount(1);
});

test("a double-click in a full cell adds a new card, and a card opened for editing keeps its text", async ({
  home,
  openAsAnotherPerson,
}) => {
  const { me, colleague } = await twoPeople(home, openAsAnotherPerson);
  await colleague.addCardAt("Retention", "Irritants", "The app logs me out");
  await expect(me.card("The app logs me out")).toHaveCount(1);

  const slot = await me.addSlotCentre("Retention", "Irritants");
  if (!slot) throw new Error("the cell shows no add slot");
  await me.page.mouse.dblclick(...slot);
  await me.page.keyboard.type("Nobody calls me back");
  await me.page.keyboard.press("Enter");
  await expect
    .poll(async () => (await colleague.cardTexts()).sort())
    .toEqual(["Retention / Irritants / Nobody calls me back", "Retention / Irritants / The app logs me out"]);

  const centre = await me.cardCentre(await me.cardId("The app logs me out"));
  await me.page.mouse.dblclick(centre.x, centre.y);
  await expect(me.page.getByTestId("card.editor")).toBeFocused();
  await me.page.keyboard.type(" every day");
  await me.page.keyboard.press("Enter");
  await expect(colleague.card("The app logs me out every day")).toHaveCount(1);
  await expect(colleague.cards()).toHaveCount(2);
});

test("a field a colleague changed shows their value, and leaving it untouched never writes the old one back", async ({
  home,
  openAsAnotherPerson,
}) => {
  const { me, colleague } = await twoPeople(home, openAsAnotherPerson);
  await me.addCardAt("Awareness", "Touchpoints", "I see a poster");
  await me.selectCard("I see a poster");
  await colleague.selectCard("I see a poster");

  await colleague.page.getByTestId("cardPanel.channel").selectOption("__other");
  await colleague.page.getByTestId("cardPanel.channel.custom").fill("Pop-up kiosk");
  await colleague.page.getByTestId("cardPanel.channel.custom").press("Enter");
  const mine = me.page.getByTestId("cardPanel.channel.custom");
  await expect(mine).toHaveValue("Pop-up kiosk");

  await colleague.page.getByTestId("cardPanel.channel.custom").fill("Pop-up shop");
  await colleague.page.getByTestId("cardPanel.channel.custom").press("Enter");
  await expect(mine).toHaveValue("Pop-up shop");
  await mine.click();
  await me.page.keyboard.press("Tab");
  await colleague.page.getByTestId("cardPanel.channel.custom").blur();
  await expect(colleague.page.getByTestId("cardPanel.channel.custom")).toHaveValue("Pop-up shop");
  await expect(mine).toHaveValue("Pop-up shop");
});

test("a snapshot saved under the previous schema version restores", async ({ home, server }) => {
  const links = await home.createBoard("Old history");
  const board = await home.openBoard();
  await board.join("Amira", "callCentre");
  const boardId = new URL(links.facilitator).pathname.split("/").pop()!;
  const file = readFileSync(join(import.meta.dirname, "../../shared/fixtures/files/board-v4.json"), "utf8");
  const requireFromServer = createRequire(join(import.meta.dirname, "../../server/package.json"));
  const Database = requireFromServer("better-sqlite3") as new (path: string) => {
    prepare(sql: string): { run(...values: unknown[]): void };
    close(): void;
  };
  const db = new Database(join(server.dataDir, "journeyboard.sqlite"));
  db.prepare(
    "INSERT INTO history_snapshots (board_id, id, name, kind, created_at, board_file) VALUES (?, ?, ?, ?, ?, ?)",
  ).run(boardId, "before-upgrade", "Before the upgrade", "named", 1764547200000, file);
  db.close();

  await board.page.getByTestId("panel.history").click();
  await expect(board.page.getByTestId("history.item")).toContainText("Before the upgrade");
  await board.page.getByTestId("history.restore").click();
  await expect(board.page.getByTestId("board.notice")).toContainText("Before the upgrade");
  await expect.poll(() => board.page.getByTestId("board.title").textContent()).toBe("رحلة العميل — متجر الأزياء");
  await expect(board.card("أقارن الأسعار على الموقع")).toHaveCount(1);
});
