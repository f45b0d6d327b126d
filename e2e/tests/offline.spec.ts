import { expect, test } from "../fixtures/fixtures";
import { NetworkSwitch } from "../fixtures/network";
import { BoardPage } from "../pages/BoardPage";

test("a card written offline survives closing the tab and reaches the others when the network is back", async ({
  home,
  openAsAnotherPerson,
}) => {
  const links = await home.createBoard("On the train");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  const network = new NetworkSwitch();
  const participant = await openAsAnotherPerson(links.participant, network);
  await participant.join("Kasia", "digital");

  await network.cut();
  await expect(participant.page.getByTestId("connection.status")).toHaveAttribute("data-state", "offline");
  await participant.addCardFromToolbar("I lose the signal in the tunnel");
  await expect(participant.page.getByTestId("connection.status")).toContainText("kept on this device");
  const context = participant.page.context();
  await participant.page.close();

  const reopened = new BoardPage(await context.newPage());
  await reopened.page.goto(links.participant);
  await expect(reopened.card("I lose the signal in the tunnel")).toHaveCount(1);
  await expect(reopened.page.getByTestId("connection.status")).toHaveAttribute("data-state", "offline");
  await expect(facilitator.card("I lose the signal in the tunnel")).toHaveCount(0);

  network.restore();
  await expect(facilitator.card("I lose the signal in the tunnel")).toHaveCount(1);
  await reopened.waitUntilSaved();
});

/** The bound: the badge says offline at most this long after the connection is gone. */
const OFFLINE_WITHIN_MS = 2000;
/** The server's heartbeat frame on the socket: a Hocuspocus Ping, one byte. */
const PING = 9;

test("says offline within 2 s of the browser losing the network, counts what waits, and saves it when the network is back", async ({
  home,
  openAsAnotherPerson,
}) => {
  const links = await home.createBoard("No signal");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  const participant = await openAsAnotherPerson(links.participant);
  await participant.join("Kasia", "digital");
  const context = participant.page.context();

  await participant.noteWhenOffline();
  const cutAt = Date.now();
  await context.setOffline(true);
  expect((await participant.offlineSince()) - cutAt).toBeLessThanOrEqual(OFFLINE_WITHIN_MS);
  await expect(participant.badge()).toHaveText("Offline, reconnecting…");

  await participant.addCardFromToolbar("No bars on the platform");
  await expect(participant.badge()).toHaveText(
    "Offline: 1 change is kept on this device and sent when the connection is back",
  );
  await expect(facilitator.card("No bars on the platform")).toHaveCount(0);

  await context.setOffline(false);
  await participant.waitUntilSaved();
  await expect(facilitator.card("No bars on the platform")).toHaveCount(1);
});

test("says offline within 2 s of the server freezing, keeps what is written meanwhile, and sends it when the server wakes", async ({
  server,
  home,
  openAsAnotherPerson,
}) => {
  const links = await home.createBoard("Frozen");
  let heartbeats = 0;
  home.page.on("websocket", (socket) =>
    socket.on("framereceived", ({ payload }) => {
      if (typeof payload !== "string" && payload.length === 1 && payload[0] === PING) heartbeats++;
    }),
  );
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");

  // A quiet board on a live server stays saved: the heartbeat is heard well past the silence that means offline.
  await facilitator.noteWhenOffline();
  const seen = heartbeats;
  await expect.poll(() => heartbeats).toBeGreaterThanOrEqual(seen + 6);
  await expect(facilitator.badge()).toHaveAttribute("data-state", "ok");
  expect(await facilitator.page.evaluate(() => window.offlineSince)).toBeUndefined();

  const frozenAt = Date.now();
  server.freeze();
  expect((await facilitator.offlineSince()) - frozenAt).toBeLessThanOrEqual(OFFLINE_WITHIN_MS);

  await facilitator.addCardFromToolbar("Written while the server slept");
  await facilitator.addCardFromToolbar("And a second one");
  await expect(facilitator.badge()).toHaveText(
    "Offline: 2 changes are kept on this device and sent when the connection is back",
  );

  server.thaw();
  await facilitator.waitUntilSaved();
  const participant = await openAsAnotherPerson(links.participant);
  await participant.join("Kasia", "digital");
  await expect(participant.card("Written while the server slept")).toHaveCount(1);
  await expect(participant.card("And a second one")).toHaveCount(1);
});

test("a board opened before opens again without the network, takes a card, and sends it when the network is back", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Night train");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  await facilitator.addCardFromToolbar("The wifi drops between stations");
  await facilitator.waitUntilSaved();
  const page = facilitator.page;
  // The app shell is stored once its service worker is active (installed, every file kept).
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // A download whose address carries the board's token, with the service worker in charge of the page.
  await page.getByTestId("panel.exports").click();
  const download = page.waitForEvent("download");
  await page.getByTestId("exports.journey.mmd").click();
  await (await download).path();

  await page.context().setOffline(true);
  await page.reload();
  await expect(facilitator.card("The wifi drops between stations")).toHaveCount(1);
  await expect(facilitator.badge()).toHaveAttribute("data-state", "offline");
  await facilitator.addCardFromToolbar("Written with no network at all");
  await expect(facilitator.badge()).toHaveText(
    "Offline: 1 change is kept on this device and sent when the connection is back",
  );
  await page.screenshot({ path: testInfo.outputPath("offline-board.png") });

  // The API is never answered from the browser's store, and no stored address holds a token.
  const session = await page.evaluate(() =>
    fetch(`${location.pathname.replace("/b/", "/api/boards/")}/session`).then(
      () => "answered",
      () => "failed",
    ),
  );
  expect(session).toBe("failed");
  const stored = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
  expect(stored.length).toBeGreaterThan(0);
  expect(stored.filter((url) => /\/api\/|token|\/b\//.test(url))).toEqual([]);

  await page.context().setOffline(false);
  await facilitator.waitUntilSaved();
  const participant = await openAsAnotherPerson(links.participant);
  await participant.join("Kasia", "digital");
  await expect(participant.card("Written with no network at all")).toHaveCount(1);
  await expect(participant.card("The wifi drops between stations")).toHaveCount(1);
});
