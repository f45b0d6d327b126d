import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/fixtures";

const screenshot = (page: Page, path: string) => page.screenshot({ path, fullPage: true });

// A seed sentence as an Arabic keyboard types it, and as a Persian one does (ی, ک, ه), with Persian digits.
const arabic = "ما هي رحلة العميل ؟ وكيف يتم إعداد خرطية رحلات العملاء ؟ 3";
const persianKeys = "ما هی رحله العمیل ؟ وکیف یتم اعداد خرطیه رحلات العملاء ؟ ۳";
const other = "برنامه شما برای سال آینده چیست؟";
const waiting = ["Długie oczekiwanie na infolinii", "Długie oczekiwanie na infolinię"];

test("the facilitator is pointed to the likely duplicates of a cell, typed on two keyboards, merges them in one step that undo splits, groups others under a named cluster shown on every canvas, and dismisses a suggestion; participants are not offered it", async ({
  home,
  openAsAnotherPerson,
}, testInfo) => {
  const links = await home.createBoard("Duplicates");
  const facilitator = await home.openBoard();
  await facilitator.join("Amira", "callCentre");
  const kasia = await openAsAnotherPerson(links.participant);
  await kasia.join("Kasia", "digital");
  for (const text of [arabic, other, persianKeys]) await kasia.addCardAt("Awareness", "Customer steps", text);
  for (const text of waiting) await kasia.addCardAt("Consideration", "Customer steps", text);
  await expect(facilitator.cards()).toHaveCount(5);
  await expect(kasia.page.getByTestId("panel.duplicates")).toHaveCount(0);

  const { page } = facilitator;
  await page.getByTestId("panel.duplicates").click();
  const item = page.getByTestId("duplicates.item").first();
  await expect(page.getByTestId("duplicates.item")).toHaveCount(2);
  await expect(item.getByTestId("duplicates.card")).toHaveText([arabic, persianKeys]);
  await screenshot(page, testInfo.outputPath("duplicates-en.png"));
  await page.getByTestId("language.picker").selectOption("ar");
  await expect(item.getByTestId("duplicates.merge")).toHaveText("ادمجها في بطاقة واحدة");
  await screenshot(page, testInfo.outputPath("duplicates-ar.png"));
  await page.getByTestId("language.picker").selectOption("en");

  await item.getByTestId("duplicates.merge").click();
  await expect(facilitator.cards()).toHaveCount(4);
  await expect(kasia.cards()).toHaveCount(4);
  expect(await kasia.cardTexts()).not.toContain(persianKeys);
  await expect(page.getByTestId("duplicates.item")).toHaveCount(1);

  await page.getByTestId("toolbar.undo").click();
  await expect(kasia.cards()).toHaveCount(5);
  await expect(page.getByTestId("duplicates.item")).toHaveCount(2);

  const second = page.getByTestId("duplicates.item").nth(1);
  await expect(second.getByTestId("duplicates.card")).toHaveText(waiting);
  await expect(second.getByTestId("duplicates.group")).toBeDisabled();
  await second.getByTestId("duplicates.clusterName").fill("Hotline");
  await second.getByTestId("duplicates.group").click();
  await expect(page.getByTestId("duplicates.item")).toHaveCount(1);
  await expect.poll(() => kasia.textOnCanvas("Hotline")).not.toBe("not drawn");
  await expect(kasia.cards()).toHaveCount(5);
  await screenshot(kasia.page, testInfo.outputPath("cluster-en.png"));

  await page.getByTestId("duplicates.item").getByTestId("duplicates.dismiss").click();
  await expect(page.getByTestId("duplicates.item")).toHaveCount(0);
  await expect(page.getByTestId("duplicates.panel")).toContainText("No likely duplicates in this journey.");
  await expect(facilitator.cards()).toHaveCount(5);
});
