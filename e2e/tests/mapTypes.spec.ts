import { expect, test } from "../fixtures/fixtures";

test("each map type is laid out as its method draws it: a blueprint's three lines, a day in the life's parts of the day", async ({
  home,
}) => {
  await home.createBoard("Blueprint", "serviceBlueprint");
  const blueprint = await home.openBoard();
  await blueprint.join("Amira", "backOffice");
  const lines = () =>
    blueprint.page.evaluate(() =>
      (window.Konva?.stages[0]?.find(".blueprint-line-label") ?? [])
        .map((n) => ({ text: n.text(), y: n.getClientRect().y }))
        .sort((a, b) => a.y - b.y)
        .map((n) => n.text),
    );
  await expect.poll(lines).toEqual(["Line of interaction", "Line of visibility", "Line of internal interaction"]);
  await blueprint.page.screenshot({ path: test.info().outputPath("blueprint.png") });

  await blueprint.page.goto(new URL("/", blueprint.page.url()).href);
  await home.createBoard("A day", "dayInTheLife");
  const day = await home.openBoard();
  await expect.poll(() => day.stageTitles()).toEqual(["Morning", "Midday", "Afternoon", "Evening", "Night"]);
  expect(await day.page.evaluate(() => window.Konva?.stages[0]?.find(".blueprint-line").length)).toBe(0);
  await day.page.screenshot({ path: test.info().outputPath("day-in-the-life.png") });
});
