import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "../fixtures/fixtures";

test("the top-voted cards become actions, are weighed on the impact × effort matrix and download as CSV and PDF", async ({
  home,
}) => {
  await home.createBoard("Plan");
  const board = await home.openBoard();
  await board.join("Amira", "callCentre");
  await board.addCardAt("Awareness", "Irritants", "Hidden delivery fees");
  await board.addCardAt("Consideration", "Irritants", "=SUM(A1)");
  await board.page.keyboard.press("Escape");

  await board.page.getByTestId("panel.voting").click();
  await board.page.getByTestId("voting.budget.irritants").fill("3");
  await board.page.getByTestId("voting.cap").fill("2");
  await board.page.getByTestId("voting.start").click();
  await board.page.getByTestId("panel.voting").click();
  for (const [text, dots] of [
    ["Hidden delivery fees", 2],
    ["=SUM(A1)", 1],
  ] as const) {
    await board.selectCard(text);
    for (let i = 0; i < dots; i++) await board.page.keyboard.press("v");
    await expect(board.page.getByTestId("cardVoting")).toContainText(`${dots} of your dots on this card`);
  }
  await board.page.getByTestId("panel.voting").click();
  await board.page.getByTestId("voting.close").click();
  await board.page.getByTestId("voting.reveal").click();
  await board.page.getByTestId("voting.promoteCount").fill("2");
  await board.page.getByTestId("voting.promote").click();

  const items = board.page.getByTestId("action.item");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).getByTestId("action.title")).toHaveValue("Hidden delivery fees");
  await expect(items.nth(0)).toContainText("2 dots");
  await items.nth(1).getByTestId("action.up").click();
  await expect(items.nth(0).getByTestId("action.title")).toHaveValue("=SUM(A1)");
  await board.page.getByTestId("actions.prioritise").click();
  await expect(items.nth(0).getByTestId("action.title")).toHaveValue("Hidden delivery fees");
  await items.nth(0).getByTestId("action.impact").selectOption("5");
  await items.nth(0).getByTestId("action.effort").selectOption("1");
  await expect(items.nth(0).getByTestId("action.quadrant")).toHaveText("Quick win");

  await board.page.getByTestId("actions.view.matrix").click();
  await board.page
    .getByTestId("matrix.action")
    .filter({ hasText: "=SUM(A1)" })
    .dragTo(board.page.getByTestId("matrix.cell.4.5"));
  await board.page.getByTestId("actions.view.list").click();
  await expect(items.nth(1).getByTestId("action.quadrant")).toHaveText("Major change");

  await board.page.getByTestId("panel.coverage").click();
  await expect(board.page.getByTestId("coverage.item").filter({ hasText: "Hidden delivery fees" })).toHaveAttribute(
    "data-state",
    "addressed",
  );
  await board.page.getByTestId("panel.actions").click();

  const download = board.page.waitForEvent("download");
  await board.page.getByTestId("actions.exportCsv").click();
  // The token never stands in a download's URL, which proxies' logs and the history keep: a one-use ticket does.
  const csvUrl = new URL((await download).url());
  expect([...csvUrl.searchParams.keys()]).toEqual(["ticket"]);
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split("\r\n");
  expect(lines[0]).toBe("priority,action,description,kind,owner,impact,effort,horizon,status,dots,addresses,stages");
  expect(lines[1]).toBe("1,Hidden delivery fees,,Quick win,,5,1,This month,Proposed,2,Hidden delivery fees,Awareness");
  expect(lines[2]).toBe("2,'=SUM(A1),,Major change,,4,5,This month,Proposed,1,'=SUM(A1),Consideration");

  const pdfDownload = board.page.waitForEvent("download");
  await board.page.getByTestId("actions.exportPdf").click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe("journey.pdf");
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", (await pdf.path())!, "-"], { encoding: "utf8" });
  const plan = text.slice(text.indexOf("Action plan"));
  expect(plan.indexOf("Hidden delivery fees")).toBeGreaterThan(0);
  expect(plan.indexOf("Hidden delivery fees")).toBeLessThan(plan.indexOf("=SUM(A1)"));
});
