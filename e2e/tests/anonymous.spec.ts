import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/fixtures";
import type { BoardPage } from "../pages/BoardPage";

const screenshot = (page: Page, path: string) => page.screenshot({ path, fullPage: true });

/** Names planted before the switch and in the join dialog: none may show while the board is anonymous. */
const PLANTED = ["ZqxAmiraName", "ZqxKasiaName", "ZqxJonasName"];

const exportUrl = (link: string, file: string) => {
  const url = new URL(link);
  const id = url.pathname.split("/").pop()!;
  const token = new URLSearchParams(url.hash.slice(1)).get("token")!;
  return `${url.origin}/api/boards/${id}/export/${file}?token=${encodeURIComponent(token)}`;
};

/** Everything a person sees: the page's text, every title and label, and every text drawn on the canvas. */
const everythingShown = (board: BoardPage) =>
  board.page.evaluate(() => {
    const attributes = Array.from(document.querySelectorAll("[title], [aria-label], [data-name]")).flatMap((element) =>
      ["title", "aria-label", "data-name"].map((name) => element.getAttribute(name) ?? ""),
    );
    const drawn = (window.Konva?.stages ?? []).flatMap((stage) =>
      stage.find("Text").map((node) => (node as unknown as { text(): string }).text()),
    );
    return [document.body.innerText, ...attributes, ...drawn].join("\n");
  });

const plantedIn = (text: string) => PLANTED.filter((name) => text.includes(name));

test("on an anonymous board everyone, the facilitator included, sees departments only, and joining asks for a department alone", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Anonymous");
  const facilitator = await home.openBoard();
  await facilitator.join("ZqxAmiraName", "callCentre");
  const kasia = await openAsAnotherPerson(links.participant);
  await kasia.join("ZqxKasiaName", "digital");
  const before = "I compare two offers";
  await kasia.addCardAt("Awareness", "Customer steps", before);
  await expect(facilitator.page.getByTestId("presence.list")).toContainText("ZqxKasiaName");
  await expect(kasia.page.getByTestId("board.anonymous")).toHaveCount(0);

  // The box shows the server's word: checked once the choice is stored and published.
  await facilitator.page.getByTestId("board.anonymous").click();
  await expect(facilitator.page.getByTestId("board.anonymous")).toBeChecked();
  await expect(facilitator.page.getByTestId("anonymous.badge")).toHaveText("This board is anonymous: departments only");
  await expect(kasia.page.getByTestId("anonymous.badge")).toBeVisible();

  const jonasPage = await openAsAnotherPerson(links.participant);
  await expect(jonasPage.page.getByTestId("join.anonymous")).toBeVisible();
  await expect(jonasPage.page.getByTestId("join.name")).toHaveCount(0);
  await screenshot(jonasPage.page, testInfo.outputPath("anonymous-join-en.png"));
  await jonasPage.page.getByTestId("join.department").selectOption("sales");
  await jonasPage.page.getByTestId("join.submit").click();
  await jonasPage.waitUntilSaved();
  const meanwhile = "The price page is confusing";
  await jonasPage.addCardAt("Awareness", "Customer steps", meanwhile);
  await expect(facilitator.card(meanwhile)).toHaveCount(1);
  await expect(facilitator.page.getByTestId("presence.person")).toHaveCount(3);
  await expect(facilitator.page.getByTestId("presence.list")).not.toContainText("ZqxKasiaName");

  // The name written with the card before the switch is not shown either.
  await facilitator.selectCard(before);
  await expect(facilitator.page.getByTestId("card.panel")).toContainText("Digital");
  await expect(kasia.page.getByTestId("presence.list")).toContainText("Digital");
  for (const board of [facilitator, kasia, jonasPage]) expect(plantedIn(await everythingShown(board))).toEqual([]);
  await screenshot(facilitator.page, testInfo.outputPath("anonymous-facilitator-en.png"));

  for (const file of ["board.json", "journey.csv"]) {
    const exported = await (await facilitator.page.request.get(exportUrl(links.facilitator, file))).text();
    expect(exported, file).toContain(meanwhile);
    expect(plantedIn(exported), file).toEqual([]);
  }

  await facilitator.page.getByTestId("language.picker").selectOption("ar");
  await expect(facilitator.page.getByTestId("anonymous.badge")).toHaveText("هذه اللوحة مجهولة الهوية: الأقسام فقط");
  await screenshot(facilitator.page, testInfo.outputPath("anonymous-facilitator-ar.png"));
  await kasia.page.getByTestId("language.picker").selectOption("ar");
  await screenshot(kasia.page, testInfo.outputPath("anonymous-participant-ar.png"));
});

/** Each control of the top bar that is cut by its own box, runs off the screen, or lies over another one. */
const topBarFaults = (page: Page) =>
  page.locator(".topbar").evaluate((bar) => {
    const end = bar.querySelector(".topbar-end");
    const controls = [...Array.from(bar.children).filter((child) => child !== end), ...Array.from(end?.children ?? [])]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0);
    const name = (element: Element) => `${element.className || element.tagName} "${element.textContent.trim()}"`;
    const faults = controls.flatMap(({ element, box }) => [
      ...(element.scrollWidth > element.clientWidth + 1 ? [`${name(element)} is cut`] : []),
      ...(box.left < 0 || box.right > window.innerWidth ? [`${name(element)} is off the screen`] : []),
    ]);
    controls.forEach((a, i) =>
      controls.slice(i + 1).forEach((b) => {
        const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (across > 1 && down > 1) faults.push(`${name(a.element)} lies over ${name(b.element)}`);
      }),
    );
    return faults;
  });

test("at 1280 px, with the anonymous badge on, the top bar fits in every language for the facilitator and a participant", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  await home.page.setViewportSize({ width: 1280, height: 800 });
  const links = await home.createBoard("Anonymous workshop");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  await facilitator.page.getByTestId("board.anonymous").click();
  await expect(facilitator.page.getByTestId("anonymous.badge")).toBeVisible();
  const participant = await openAsAnotherPerson(links.participant);
  await participant.page.getByTestId("join.department").selectOption("digital");
  await participant.page.getByTestId("join.submit").click();
  await expect(participant.page.getByTestId("anonymous.badge")).toBeVisible();

  for (const language of ["en", "ar", "fa", "pl"]) {
    for (const [who, board] of [
      ["facilitator", facilitator],
      ["participant", participant],
    ] as const) {
      await board.page.getByTestId("language.picker").selectOption(language);
      await expect(board.page.locator("html")).toHaveAttribute("lang", language);
      await board.page.locator(".topbar").screenshot({ path: testInfo.outputPath(`topbar-${who}-${language}.png`) });
      expect(await topBarFaults(board.page), `${who} in ${language}`).toEqual([]);
      // The title is not squeezed to nothing to make room.
      await expect(board.page.getByTestId("board.title")).toBeVisible();
      await expect(board.page.getByTestId("board.title")).toHaveText("Anonymous workshop");
    }
  }
});

test("someone already on the board when it turns anonymous is offered to change their department, and asked for nothing else", async ({
  home,
  openAsAnotherPerson,
}) => {
  const links = await home.createBoard("Switched live");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  const kasia = await openAsAnotherPerson(links.participant);
  await kasia.join("ZqxKasiaName", "digital");
  const me = kasia.page.getByTestId("presence.me");
  await expect(me).toHaveAccessibleName(/Change your name or department$/);

  await facilitator.page.getByTestId("board.anonymous").click();
  await expect(kasia.page.getByTestId("anonymous.badge")).toBeVisible();
  await expect(me).toHaveAccessibleName(/Change your department$/);
  await me.click();
  await expect(kasia.page.getByTestId("join.anonymous")).toBeVisible();
  await expect(kasia.page.getByTestId("join.name")).toHaveCount(0);
  await kasia.page.getByTestId("join.department").selectOption("sales");
  await kasia.page.getByTestId("join.submit").click();
  await kasia.waitUntilSaved();
  await expect(facilitator.page.getByTestId("presence.peer")).toHaveAccessibleName(/^Anonymous · Sales/);
  expect(plantedIn(await everythingShown(facilitator))).toEqual([]);

  // Named again: changing asks for the name too, and the one kept in this browser comes back.
  await facilitator.page.getByTestId("board.anonymous").click();
  await expect(kasia.page.getByTestId("anonymous.badge")).toHaveCount(0);
  await me.click();
  await expect(kasia.page.getByTestId("join.name")).toHaveValue("ZqxKasiaName");
});
