import { expect, test } from "../fixtures/fixtures";

// A laptop screen: the side panel takes a quarter of it.
test.use({ viewport: { width: 1400, height: 900 } });

test("at 1400 px no stage hides under the side panel, the touchpoint matrix lines up, the card dots are named, and two journeys leave every panel button whole", async ({
  home,
}) => {
  const konvaWarnings: string[] = [];
  home.page.on("console", (message) => message.text().includes("Konva warning") && konvaWarnings.push(message.text()));
  await home.createBoard("Laptop");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  const shot = (name: string) => board.page.screenshot({ path: test.info().outputPath(`${name}.png`) });

  // The board is fitted beside the panel, so opening one covers nothing.
  const stages = await board.stageTitles();
  const lastStage = stages.at(-1)!;
  await board.addCardAt(stages[0]!, "Touchpoints", "Instagram ad");
  await board.selectCard("Instagram ad");
  await board.page.getByTestId("cardPanel.channel").selectOption("socialMedia");
  await board.addCardAt(lastStage, "Touchpoints", "Review request");
  await board.selectCard("Review request");
  await board.page.getByTestId("cardPanel.channel").selectOption("socialMedia");
  const panelStart = async (testId: string) => (await board.page.getByTestId(testId).boundingBox())!.x;
  const lastStageEnd = async () => {
    const header = await board.stageHeader(lastStage);
    return header.x + header.width;
  };
  expect(await lastStageEnd()).toBeLessThanOrEqual(await panelStart("card.panel"));
  await shot("card-panel");

  // The author's department: a dot on the card, named beside the board and to screen readers.
  await expect(board.page.getByTestId("board.departmentLegend")).toContainText("Sales");
  await expect(board.card("Instagram ad")).toHaveText("Touchpoints, by Sales: Instagram ad");

  // Each column of the matrix starts and ends where its header does.
  await board.page.getByTestId("panel.touchpoints").click();
  const matrix = board.page.getByTestId("touchpoints.matrix");
  await expect(matrix).toContainText("Social media");
  const columns = await matrix.evaluate((table) => {
    const edges = (row: Element) =>
      Array.from(row.children).map((cell) => {
        const r = cell.getBoundingClientRect();
        return [Math.round(r.left), Math.round(r.right)];
      });
    return { head: edges(table.querySelector("thead tr")!), body: edges(table.querySelector("tbody tr")!) };
  });
  expect(columns.head).toHaveLength(stages.length + 1);
  expect(columns.body).toEqual(columns.head);
  // Counts sit in the middle of their cell, the last column's too.
  const offCentre = await matrix.getByTestId("touchpoints.cell").evaluateAll((buttons) =>
    buttons.map((button) => {
      const [b, cell] = [button.getBoundingClientRect(), button.parentElement!.getBoundingClientRect()];
      return Math.abs(b.left + b.width / 2 - (cell.left + cell.width / 2));
    }),
  );
  expect(offCentre).toHaveLength(2);
  for (const offset of offCentre) expect(offset).toBeLessThan(2);
  await shot("touchpoints");

  // With a target journey the facilitator's buttons wrap rather than be cut ("History" read "Hi").
  await board.page.getByTestId("journey.add").click();
  await board.page.getByTestId("journeys.target").click();
  await expect(board.page.getByTestId("journey.tab")).toHaveCount(2);
  await board.page.getByTestId("panel.voting").click();
  expect(await lastStageEnd()).toBeLessThanOrEqual(await panelStart("voting.panel"));
  // A little narrower (a window beside another), two journeys and every button no longer fit in one row.
  await board.page.setViewportSize({ width: 1180, height: 900 });
  const cut = await board.page.getByTestId("journey.panelButtons").evaluate((group) =>
    Array.from(group.querySelectorAll("button"))
      .filter((button) => {
        const r = button.getBoundingClientRect();
        return button.scrollWidth > button.clientWidth || r.left < 0 || r.right > window.innerWidth;
      })
      .map((button) => button.textContent),
  );
  expect(cut).toEqual([]);
  await expect(board.page.getByTestId("panel.history")).toHaveText("History");
  await shot("two-journeys");

  // Few canvases: Konva warns past five layers.
  expect(await board.page.evaluate(() => window.Konva!.stages[0]!.getLayers().length)).toBe(3);
  expect(konvaWarnings).toEqual([]);
});
