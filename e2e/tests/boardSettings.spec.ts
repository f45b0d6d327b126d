import { expect, test } from "../fixtures/fixtures";

/** A Polish reader: the home form proposes Polish as the board's language. */
test.use({ locale: "pl-PL" });

/** The board id and token in a board link (`/b/<id>#token=<token>`). */
const partsOf = (link: string) => {
  const url = new URL(link);
  return { id: decodeURIComponent(url.pathname.split("/").pop()!), token: url.hash.slice("#token=".length) };
};

test("the facilitator sets the board's language and timeline; downloads and the canvas follow, participants are not offered them", async ({
  home,
  server,
  openAsAnotherPerson,
}) => {
  await expect(home.page.getByTestId("create.locale")).toHaveValue("pl");
  await home.page.getByTestId("create.locale").selectOption("ar");
  const links = await home.createBoard("Sukienka");
  const board = await home.openBoard();
  await board.join("Ola", "sales");
  const { id, token } = partsOf(links.facilitator);
  const journeyCsv = async () =>
    (await (await fetch(`${server.url}/api/boards/${id}/export/journey.csv?token=${token}`)).text()).split("\r\n")[1];
  expect(await journeyCsv()).toMatch(/^الوعي,/);

  await board.page.getByTestId("journey.add").click();
  await board.page.getByTestId("settings.locale").selectOption("pl");
  await expect.poll(journeyCsv).toMatch(/^Świadomość,/);
  await board.page.getByTestId("settings.timeline").selectOption("rtl");
  // The canvas runs the stages from the right; titles read left to right on screen.
  await expect
    .poll(() => board.stageTitles())
    .toEqual(["Rzecznictwo", "Utrzymanie", "Zakup", "Rozważenie", "Świadomość"]);

  const participant = await openAsAnotherPerson(links.participant);
  await participant.join("Amira", "callCentre");
  await expect.poll(() => participant.stageTitles()).toEqual(await board.stageTitles());
  await participant.page.getByTestId("journey.add").click();
  await expect(participant.page.getByTestId("journeys.panel")).toBeVisible();
  await expect(participant.page.getByTestId("settings.locale")).toHaveCount(0);
  await expect(participant.page.getByTestId("settings.timeline")).toHaveCount(0);
});
