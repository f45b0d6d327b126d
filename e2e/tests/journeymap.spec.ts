import type { LaneKind } from "@journeyboard/shared";
import { expect, test } from "../fixtures/fixtures";

// Fourteen lanes, each with its add slot, fit a tall window at a zoom where cards are drawn in full.
test.use({ viewport: { width: 1280, height: 1100 } });

const ADDED_LANES: Array<[LaneKind, string]> = [
  ["breakdowns", "Breakdowns"],
  ["goodPractices", "Good practices"],
  ["ideas", "Ideas"],
  ["backstage", "Back-stage processes"],
  ["indicators", "Indicators"],
];

test("a journey with every lane kind, personas, touchpoints, indicators and a target journey, built through the UI", async ({
  home,
}) => {
  await home.createBoard("Every lane");
  const board = await home.openBoard();
  await board.join("Amira", "callCentre");

  for (const [kind] of ADDED_LANES) {
    await board.openLaneMenu("Moments of truth");
    await board.page.getByTestId("axis.kind").selectOption(kind);
    await board.page.getByTestId("axis.addAfter").click();
  }
  const lanes: Array<[string, string]> = [
    ["Customer steps", "I look for a summer dress"],
    ["Touchpoints", "Instagram ad"],
    ["Thoughts", "Is it my size?"],
    ["Emotions", "Curious"],
    ["Irritants", "Hidden delivery fees"],
    ["Magic moments", "Free alterations"],
    ["Moments of truth", "Parcel arrives on time"],
    ...ADDED_LANES.map(([, title]): [string, string] => [title, `A card about ${title.toLowerCase()}`]),
  ];
  for (const [lane, text] of lanes) {
    // Each card makes its lane taller: fit again so the next lane is on screen.
    await board.page.getByTestId("toolbar.zoomToFit").click();
    await board.addCardAt("Awareness", lane, text);
  }
  await board.page.getByTestId("toolbar.zoomToFit").click();
  expect((await board.cardTexts()).sort()).toEqual(lanes.map(([lane, text]) => `Awareness / ${lane} / ${text}`).sort());

  await board.selectCard("Instagram ad");
  await board.page.getByTestId("cardPanel.channel").selectOption("socialMedia");
  await board.selectCard("A card about back-stage processes");
  await board.page.getByTestId("cardPanel.owner").selectOption("backOffice");
  await board.selectCard("A card about indicators");
  await board.page.getByTestId("cardPanel.metric").selectOption("nps");
  for (const [field, value] of [
    ["value", "12"],
    ["target", "40"],
    ["threshold", "20"],
  ] as const) {
    await board.page.getByTestId(`cardPanel.${field}`).fill(value);
    await board.page.getByTestId(`cardPanel.${field}`).press("Enter");
  }
  await expect(board.page.getByTestId("cardPanel.alert")).toBeVisible();

  await board.page.getByTestId("panel.touchpoints").click();
  await expect(board.page.getByTestId("touchpoints.matrix")).toContainText("Social media");
  await expect(board.page.getByTestId("touchpoints.missingStages")).toContainText("Consideration");

  await board.page.getByTestId("panel.personas").click();
  await board.page.getByTestId("personas.add").click();
  await board.page.getByTestId("persona.name").fill("Lina, 34");
  await board.page.getByTestId("persona.goals").fill("A dress for a wedding in June");
  await board.page.getByTestId("persona.goals").blur();
  await board.page.getByTestId("journey.add").click();
  await board.page.getByTestId("journeys.persona").selectOption({ label: "Lina, 34" });
  await expect(board.page.getByTestId("journey.tab").first()).toHaveText(/Lina, 34/);

  await board.page.getByTestId("journeys.target").click();
  await expect(board.page.getByTestId("journey.tab")).toHaveCount(2);
  await expect(board.cards()).toHaveCount(1);
  await board.addCardAt("Awareness", "Ideas", "Show the full price upfront");
  await board.selectCard("Show the full price upfront");
  await board.page.getByRole("checkbox", { name: "Hidden delivery fees" }).check();
  await board.page.getByTestId("panel.coverage").click();
  const coverageOf = (text: string) => board.page.getByTestId("coverage.item").filter({ hasText: text });
  await expect(coverageOf("Hidden delivery fees")).toHaveAttribute("data-state", "addressed");
  await expect(coverageOf("A card about breakdowns")).toHaveAttribute("data-state", "open");
});

test("two participants rate the steps and see the same emotion curve", async ({ home, openAsAnotherPerson }) => {
  const links = await home.createBoard("Feelings");
  const sales = await home.openBoard();
  await sales.join("Ola", "sales");
  const callCentre = await openAsAnotherPerson(links.participant);
  await callCentre.join("Reza", "callCentre");

  await sales.addCardAt("Awareness", "Customer steps", "I see an ad");
  await sales.addCardAt("Purchase", "Customer steps", "I pay");
  await expect(callCentre.cards()).toHaveCount(2);

  const rate = async (person: typeof sales, text: string, value: number) => {
    await person.selectCard(text);
    await person.page.getByTestId(`cardPanel.rate.${value}`).click();
    await expect(person.page.getByTestId(`cardPanel.rate.${value}`)).toHaveAttribute("aria-checked", "true");
  };
  await rate(sales, "I see an ad", 2);
  await rate(sales, "I pay", 1);
  await rate(callCentre, "I see an ad", 1);
  await rate(callCentre, "I pay", -2);

  for (const person of [sales, callCentre]) {
    await person.selectCard("I pay");
    await expect(person.page.getByTestId("cardPanel.emotion")).toContainText("median -0.5 from 2 ratings");
    await expect(person.page.getByTestId("cardPanel.emotion")).toContainText("Departments see this step differently");
  }
  const curveOf = (person: typeof sales) =>
    person.page.evaluate(() => {
      const median = window.Konva?.stages[0]?.findOne(".emotion-median") as unknown as
        { points(): number[] } | undefined;
      return median?.points().map(Math.round) ?? [];
    });
  await expect.poll(() => curveOf(sales)).toHaveLength(4);
  await expect.poll(() => curveOf(callCentre)).toEqual(await curveOf(sales));
});

test("an edit in the outline view shows on the other participant's canvas", async ({ home, openAsAnotherPerson }) => {
  const links = await home.createBoard("Outline");
  const writer = await home.openBoard();
  await writer.join("Ola", "digital");
  const reader = await openAsAnotherPerson(links.participant);
  await reader.join("Reza", "afterSales");
  await reader.addCardFromToolbar("I open the app");

  await writer.page.getByTestId("panel.outline").click();
  const outlineCard = writer.page.getByRole("textbox", { name: "Card 1 in Awareness, Customer steps" });
  await expect(outlineCard).toHaveValue("I open the app");
  await outlineCard.fill("I open the app and log in");
  await outlineCard.press("Enter");
  await writer.page
    .getByRole("textbox", { name: "Add a card in Retention, Irritants" })
    .fill("Renewal reminder came too late");
  await writer.page.getByRole("textbox", { name: "Add a card in Retention, Irritants" }).press("Enter");

  await expect
    .poll(() => reader.cardTexts())
    .toEqual([
      "Awareness / Customer steps / I open the app and log in",
      "Retention / Irritants / Renewal reminder came too late",
    ]);
  const drawn = await reader.page.evaluate(() =>
    (window.Konva?.stages[0]?.find("Text") ?? [])
      .map((n) => n.text())
      .filter((text) => text.startsWith("I open the app")),
  );
  expect(drawn).toEqual(["I open the app and log in"]);
});
