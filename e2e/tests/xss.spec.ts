import { expect, test } from "../fixtures/fixtures";
import { payload, shortPayload } from "../fixtures/xss";
import { BoardPage } from "../pages/BoardPage";

interface BoardFile {
  meta: Record<string, unknown>;
  records: Record<string, Record<string, unknown>[]>;
}

/**
 * A board whose every piece of user text is a script payload: board, journey,
 * stage and lane titles, cards and their channel, owner and indicator,
 * authors, personas, links, actions.
 */
async function poisonedBoard(serverUrl: string): Promise<{ url: string; cardTexts: string[] }> {
  const created = (await (
    await fetch(`${serverUrl}/api/boards`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "seed" }),
    })
  ).json()) as { id: string; links: { viewer: { token: string } } };
  const file = (await (
    await fetch(`${serverUrl}/api/boards/${created.id}/export/board.json?token=${created.links.viewer.token}`)
  ).json()) as BoardFile;
  let n = 0;
  const next = () => payload(n++);
  const nextShort = () => shortPayload(n++);
  file.meta.title = next();
  const [journey] = file.records.journeys!;
  journey!.title = next();
  journey!.personaId = "persona";
  for (const stage of file.records.stages!) stage.title = next();
  for (const lane of file.records.lanes!) lane.title = next();
  file.records.personas = [
    { id: "persona", name: next(), description: next(), goals: next(), expectations: next(), order: "a0" },
  ];
  const stage = file.records.stages![0]!;
  file.records.cards = file.records.lanes!.map((lane, i) => ({
    id: `card-${i}`,
    journeyId: journey!.id,
    stageId: stage.id,
    laneId: lane.id,
    order: "a0",
    text: next(),
    authorName: nextShort(),
    authorDepartment: nextShort(),
    authorId: null,
    createdAt: 1,
    textDirection: "auto",
    channel: lane.kind === "touchpoints" ? nextShort() : null,
    ownerDepartment: nextShort(),
    indicator: { metric: "custom", label: next(), direction: "higherIsBetter", value: 1, target: 2, threshold: 0 },
    mergedInto: null,
    cluster: next(),
  }));
  file.records.actions = [
    {
      id: "action",
      title: next(),
      description: next(),
      cardIds: ["card-0"],
      ownerDepartment: nextShort(),
      impact: 4,
      effort: 2,
      horizon: "week",
      status: "proposed",
      quadrant: null,
      dots: 3,
      order: "a0",
      createdAt: 1,
    },
  ];
  const imported = await fetch(`${serverUrl}/api/boards/import`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(file),
  });
  expect(imported.status, await imported.clone().text()).toBe(201);
  const links = ((await imported.json()) as { links: Record<string, { url: string }> }).links;
  return { url: links.facilitator!.url, cardTexts: file.records.cards.map((card) => card.text as string) };
}

test("script payloads in every field a user fills run nothing and become no element", async ({
  home,
  server,
  openAsAnotherPerson,
}) => {
  // The join dialog asks for the name: every one here is a payload too.
  const response = await fetch(server.url);
  expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");

  const { url, cardTexts } = await poisonedBoard(server.url);
  const hits: string[] = [];
  const other = await openAsAnotherPerson(url);
  const pages = [home.page, other.page];
  for (const page of pages) {
    await page.exposeFunction("__xss", (where: string) => hits.push(where));
    page.on("dialog", (dialog) => {
      hits.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(url);
  }
  const facilitator = new BoardPage(home.page);
  await facilitator.join(shortPayload(100), "callCentre");
  await other.join(shortPayload(101), "digital");
  await expect(other.page.getByTestId("presence.person")).toHaveCount(2);
  const pointer = await other.canvasBox();
  await other.page.mouse.move(pointer.x + 200, pointer.y + 200);

  for (const page of pages) {
    for (const panel of ["personas", "touchpoints", "coverage", "outline", "actions", "exports", "history"]) {
      await page.getByTestId(`panel.${panel}`).click();
      await page.getByTestId(`panel.${panel}`).click();
    }
    await page.getByTestId("journey.add").click();
    await page.getByRole("complementary", { name: "Journeys" }).getByRole("button", { name: "Close" }).click();
    await expect(page.getByRole("complementary")).toHaveCount(0);
  }
  await facilitator.selectCard(cardTexts[0]!);
  await facilitator.page.getByTestId("panel.actions").click();
  await facilitator.page.getByTestId("actions.view.matrix").click();

  for (const page of pages) {
    const injected = await page.evaluate(() =>
      Array.from(document.querySelectorAll("*")).flatMap((element) =>
        Array.from(element.attributes)
          .filter(
            (attribute) =>
              /^on/i.test(attribute.name) ||
              (/^(href|src|action|formaction|xlink:href)$/i.test(attribute.name) &&
                /javascript:/i.test(attribute.value)),
          )
          .map((attribute) => `${element.tagName} ${attribute.name}`),
      ),
    );
    expect(injected).toEqual([]);
    expect(await page.locator("iframe, script:not([src]), img[src='x']").count()).toBe(0);
  }
  expect(hits).toEqual([]);
});
