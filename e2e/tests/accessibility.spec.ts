import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/fixtures";

/** What axe-core finds of serious or critical impact on the page as it is, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(" ")}: ${node.failureSummary}`));
}

const PANELS = [
  "personas",
  "touchpoints",
  "coverage",
  "duplicates",
  "outline",
  "voting",
  "actions",
  "exports",
  "history",
];

for (const language of ["en", "ar"] as const) {
  test(`the home page and a board with each panel open have no serious accessibility violation (${language})`, async ({
    home,
  }) => {
    // A dozen full audits of a page.
    test.slow();
    const { page } = home;
    await page.getByTestId("language.picker").selectOption(language);
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    expect(await seriousViolations(page), "home").toEqual([]);

    await home.createBoard("Audit");
    expect(await seriousViolations(page), "links").toEqual([]);
    const board = await home.openBoard();
    await board.join("Ola", "sales");
    expect(await seriousViolations(page), "board").toEqual([]);

    await board.addCardFromToolbar("I compare prices");
    await board.selectCard("I compare prices");
    await expect(page.getByTestId("cardPanel.text")).toBeVisible();
    expect(await seriousViolations(page), "card panel").toEqual([]);

    for (const panel of PANELS) {
      await page.getByTestId(`panel.${panel}`).click();
      await expect(page.getByTestId(`panel.${panel}`)).toHaveAttribute("aria-pressed", "true");
      expect(await seriousViolations(page), panel).toEqual([]);
    }
    await page.getByTestId("journey.add").click();
    await expect(page.getByTestId("journeys.panel")).toBeVisible();
    expect(await seriousViolations(page), "journeys").toEqual([]);
    await page.keyboard.press("Shift+?");
    await expect(page.getByTestId("help.panel")).toBeVisible();
    expect(await seriousViolations(page), "help").toEqual([]);
    await page.getByTestId("follow.toggle").click();
    await expect(page.getByTestId("follow.panel")).toBeVisible();
    expect(await seriousViolations(page), "follow panel").toEqual([]);
    await page.getByTestId("follow.start").click();
    await expect(page.getByTestId("follow.bar")).toBeVisible();
    expect(await seriousViolations(page), "follow bar").toEqual([]);
  });
}
