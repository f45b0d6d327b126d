import { writeFileSync } from "node:fs";
import { expect, test } from "../fixtures/fixtures";

const ADMIN_TOKEN = "a-long-admin-token-for-this-server";
test.use({ serverEnv: { ADMIN_TOKEN } });

test("with ADMIN_TOKEN set, the home page asks for the token, says when it is wrong, and keeps it for the tab's session to create and import boards", async ({
  home,
  page,
  server,
}, testInfo) => {
  const create = async () => {
    await page.getByTestId("create.title").fill("Members only");
    await page.getByTestId("create.submit").click();
  };
  await expect(page.getByTestId("adminToken.panel")).toHaveCount(0);
  await create();
  await expect(page.getByTestId("create.error")).toHaveText(/enter its admin token above/);
  await expect(page.getByTestId("adminToken.input")).toBeFocused();

  await page.getByTestId("adminToken.input").fill("not-the-token-of-this-server");
  await create();
  await expect(page.getByTestId("create.error")).toHaveText(/did not accept this admin token/);

  await page.getByTestId("adminToken.input").fill(ADMIN_TOKEN);
  const links = await home.createBoard("Members only");
  expect(links.facilitator).toMatch(new RegExp(`^${server.url}/b/`));

  // Kept for the session: a reload still has it, and a board file imports with it.
  await page.goto(server.url);
  await expect(page.getByTestId("adminToken.input")).toHaveValue(ADMIN_TOKEN);
  const link = new URL(links.facilitator);
  const exported = await fetch(`${server.url}/api/boards${link.pathname.slice(2)}/export/board.json`, {
    headers: { authorization: `Bearer ${new URLSearchParams(link.hash.slice(1)).get("token")}` },
  });
  const file = testInfo.outputPath("board.json");
  writeFileSync(file, await exported.text());
  await page.getByTestId("import.file").setInputFiles(file);
  await expect(page.getByTestId("links.panel")).toContainText("Members only");

  // A new tab is a new session: no token until it is given there.
  const other = await page.context().newPage();
  await other.goto(server.url);
  await expect(other.getByTestId("adminToken.panel")).toHaveCount(0);
  await other.close();
});
