import { expect, type Locator, type Page } from "@playwright/test";

interface KonvaNode {
  getClientRect(config?: { relativeTo?: KonvaNode }): { x: number; y: number; width: number; height: number };
  getStage(): { container(): HTMLElement };
  findOne(selector: string): KonvaNode | undefined;
  text(): string;
  width(): number;
}
declare global {
  interface Window {
    Konva?: {
      stages: Array<{
        findOne(selector: string): KonvaNode | undefined;
        find(selector: string): KonvaNode[];
        getLayers(): unknown[];
        container(): HTMLElement;
      }>;
    };
    /** When the connection badge first said offline (`BoardPage.noteWhenOffline`). */
    offlineSince?: number;
  }
}

/** A board in one person's browser, driven through its test ids and its canvas. */
export class BoardPage {
  constructor(readonly page: Page) {}

  async join(name: string, department: string): Promise<void> {
    await this.page.getByTestId("join.name").fill(name);
    await this.page.getByTestId("join.department").selectOption(department);
    await this.page.getByTestId("join.submit").click();
    await this.waitUntilSaved();
  }

  /** Waits until the board is in sync with the server and its grid is on the canvas. */
  async waitUntilSaved(): Promise<void> {
    await expect(this.page.getByTestId("connection.status")).toHaveAttribute("data-state", "ok");
    await expect
      .poll(() => this.page.evaluate(() => window.Konva?.stages[0]?.find(".stage-title").length ?? 0))
      .toBeGreaterThan(0);
  }

  badge(): Locator {
    return this.page.getByTestId("connection.status");
  }

  /**
   * From now on the page notes the moment its connection badge first says
   * offline, by the machine's clock (`Date.now`, the one the test reads
   * too); `offlineSince` answers it once it has.
   */
  async noteWhenOffline(): Promise<void> {
    await this.page.evaluate(() => {
      const note = () => {
        const state = document.querySelector('[data-testid="connection.status"]')?.getAttribute("data-state");
        if (state === "offline" && window.offlineSince === undefined) window.offlineSince = Date.now();
      };
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ["data-state"],
      });
    });
  }

  async offlineSince(): Promise<number> {
    await expect.poll(() => this.page.evaluate(() => window.offlineSince ?? null)).not.toBeNull();
    return (await this.page.evaluate(() => window.offlineSince))!;
  }

  /** Cards as the screen-reader list states them: "stage / lane / text". */
  cards(): Locator {
    return this.page.getByTestId("board.cardList").locator("li");
  }

  async cardTexts(): Promise<string[]> {
    return this.cards().evaluateAll((items) =>
      items.map(
        (li) =>
          `${li.getAttribute("data-stage")} / ${li.getAttribute("data-lane")} / ${li.textContent.split(": ").slice(1).join(": ")}`,
      ),
    );
  }

  card(text: string): Locator {
    return this.cards().filter({ hasText: text });
  }

  /** How the canvas sets a text: its direction and the side its lines sit at ("rtl right"), or "not drawn". */
  async textOnCanvas(text: string): Promise<string> {
    return this.page.evaluate((text) => {
      type TextNode = { text(): string; direction(): string; align(): string };
      const nodes = (window.Konva?.stages[0]?.find("Text") ?? []) as unknown as TextNode[];
      const node = nodes.find((n) => n.text() === text);
      return node ? `${node.direction()} ${node.align()}` : "not drawn";
    }, text);
  }

  async addCardFromToolbar(text: string): Promise<void> {
    await this.page.getByTestId("toolbar.addCard").click();
    await this.typeInEditor(text);
  }

  async typeInEditor(text: string): Promise<void> {
    const editor = this.page.getByTestId("card.editor");
    await editor.fill(text);
    await editor.press("Enter");
    await expect(editor).toBeHidden();
  }

  /** Centre of a card on screen, located through Konva's own registry of stages. */
  async cardCentre(cardId: string): Promise<{ x: number; y: number }> {
    return this.page.evaluate((id) => {
      const node = window.Konva?.stages[0]?.findOne(`#card-${id}`);
      if (!node) throw new Error(`card ${id} is not on the canvas`);
      const rect = node.getClientRect();
      const container = node.getStage().container().getBoundingClientRect();
      return { x: container.x + rect.x + rect.width / 2, y: container.y + rect.y + rect.height / 2 };
    }, cardId);
  }

  /** A point of a card on screen where nothing drawn over the canvas covers it. */
  async uncoveredPointOf(cardId: string): Promise<{ x: number; y: number }> {
    return this.page.evaluate((id) => {
      const node = window.Konva?.stages[0]?.findOne(`#card-${id}`);
      if (!node) throw new Error(`card ${id} is not on the canvas`);
      const rect = node.getClientRect();
      const container = node.getStage().container();
      const origin = container.getBoundingClientRect();
      for (const fy of [0.5, 0.75, 0.25, 0.9]) {
        for (const fx of [0.5, 0.75, 0.25, 0.9, 0.1]) {
          const x = origin.x + rect.x + rect.width * fx;
          const y = origin.y + rect.y + rect.height * fy;
          if (container.contains(document.elementFromPoint(x, y))) return { x, y };
        }
      }
      throw new Error(`card ${id} is covered on screen`);
    }, cardId);
  }

  /** A card's box on screen. */
  async cardBox(text: string): Promise<{ x: number; y: number; width: number; height: number }> {
    return this.page.evaluate(
      (id) => {
        const node = window.Konva?.stages[0]?.findOne(`#card-${id}`);
        if (!node) throw new Error(`card ${id} is not on the canvas`);
        const rect = node.getClientRect();
        const container = node.getStage().container().getBoundingClientRect();
        return { ...rect, x: container.x + rect.x, y: container.y + rect.y };
      },
      await this.cardId(text),
    );
  }

  /** The badge of a merged card on screen ("2 merged"), or null when the card has none. */
  async mergedBadge(
    text: string,
  ): Promise<{ x: number; y: number; width: number; height: number; label: string } | null> {
    return this.page.evaluate(
      (id) => {
        const node = window.Konva?.stages[0]?.findOne(`#card-${id}`);
        const badge = node?.findOne(".card-merged");
        if (!node || !badge) return null;
        const rect = badge.getClientRect();
        const container = node.getStage().container().getBoundingClientRect();
        const label = badge.findOne("Text")?.text() ?? "";
        return { ...rect, x: container.x + rect.x, y: container.y + rect.y, label };
      },
      await this.cardId(text),
    );
  }

  /** Whether a card is drawn on the canvas now (cards out of view are not). */
  async isDrawn(text: string): Promise<boolean> {
    const id = await this.cardId(text);
    return this.page.evaluate((cardId) => Boolean(window.Konva?.stages[0]?.findOne(`#card-${cardId}`)), id);
  }

  /** Presses on the background and drags a box from one screen point to another. */
  async dragBox(from: { x: number; y: number }, to: { x: number; y: number }, shift = false): Promise<void> {
    if (shift) await this.page.keyboard.down("Shift");
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 6 });
    await this.page.mouse.up();
    if (shift) await this.page.keyboard.up("Shift");
  }

  async selectedTexts(): Promise<string[]> {
    const texts = await this.cards()
      .and(this.page.locator("[data-selected]"))
      .evaluateAll((items) => items.map((li) => li.textContent.split(": ").slice(1).join(": ")));
    return texts.sort();
  }

  /** Centre of the cell at a stage and a lane, found by their titles on the canvas. */
  async cellCentre(stage: string, lane: string): Promise<{ x: number; y: number }> {
    return this.page.evaluate(
      ([stageTitle, laneTitle]) => {
        const konvaStage = window.Konva?.stages[0];
        const column = konvaStage?.find(".stage-title").find((n) => n.text() === stageTitle);
        const row = konvaStage?.find(".lane-title").find((n) => n.text() === laneTitle);
        if (!column || !row) throw new Error(`no cell ${stageTitle} / ${laneTitle}`);
        const c = column.getClientRect();
        const r = row.getClientRect();
        const container = column.getStage().container().getBoundingClientRect();
        return { x: container.x + c.x + c.width / 2, y: container.y + r.y + 8 };
      },
      [stage, lane] as const,
    );
  }

  /**
   * Presses a cell's “+ Add a card” slot and types a new card there. The
   * slot's place is read again on each try: a view that was still settling
   * (a journey fitting the screen) may have moved it; a second press on the
   * slot keeps the new card already open.
   */
  async addCardAt(stage: string, lane: string, text: string): Promise<void> {
    await expect(async () => {
      const slot = await this.addSlotCentre(stage, lane);
      if (slot) await this.page.mouse.click(...slot);
      else {
        // Far out, cards are tiles and cells show no add slot: a double-click in the cell adds there.
        const cell = await this.cellCentre(stage, lane);
        await this.page.mouse.dblclick(cell.x, cell.y);
      }
      await expect(this.page.getByTestId("card.editor")).toBeFocused({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await this.typeInEditor(text);
  }

  /** The screen centre of a cell's add slot (none when cards are drawn as tiles), read anew on each call. */
  async addSlotCentre(stage: string, lane: string): Promise<[number, number] | null> {
    return this.page.evaluate(
      ([stageTitle, laneTitle]) => {
        const konvaStage = window.Konva?.stages[0];
        const column = konvaStage?.find(".stage-title").find((n) => n.text() === stageTitle);
        const row = konvaStage
          ?.find(".lane-header")
          .find((_n, i) => konvaStage.find(".lane-title")[i]?.text() === laneTitle);
        if (!konvaStage || !column || !row) throw new Error(`no cell ${stageTitle} / ${laneTitle}`);
        const c = column.getClientRect();
        const r = row.getClientRect();
        const slot = konvaStage
          .find(".add-slot")
          .map((n) => n.getClientRect())
          .find(
            (s) => s.x < c.x + c.width / 2 && c.x + c.width / 2 < s.x + s.width && s.y >= r.y && s.y < r.y + r.height,
          );
        if (!slot) return null;
        const container = konvaStage.container().getBoundingClientRect();
        return [container.x + slot.x + slot.width / 2, container.y + slot.y + slot.height / 2] as [number, number];
      },
      [stage, lane] as const,
    );
  }

  /**
   * Clicks a card and waits for its panel to show it. The card's place is read again
   * on each try: a view that was still settling (a journey fitting the
   * screen) may have moved it; tries are a second apart, so never a double-click.
   * A fitted view may put part of a card under the floating toolbar or the
   * minimap, so the click goes where the canvas itself is on top.
   */
  async selectCard(text: string): Promise<void> {
    const id = await this.cardId(text);
    await expect(async () => {
      const point = await this.uncoveredPointOf(id);
      await this.page.mouse.click(point.x, point.y);
      await expect(this.page.getByTestId("cardPanel.text")).toHaveValue(text, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  }

  /** Stage titles in their order on the canvas, left to right. */
  async stageTitles(): Promise<string[]> {
    return this.page.evaluate(() =>
      (window.Konva?.stages[0]?.find(".stage-title") ?? [])
        .map((n) => ({ text: n.text(), x: n.getClientRect().x }))
        .sort((a, b) => a.x - b.x)
        .map((n) => n.text),
    );
  }

  /** A stage header's box on screen, found by its title. */
  async stageHeader(title: string): Promise<{ x: number; y: number; width: number; height: number }> {
    return this.page.evaluate((stageTitle) => {
      const konvaStage = window.Konva?.stages[0];
      const titleNode = konvaStage?.find(".stage-title").find((n) => n.text() === stageTitle);
      if (!titleNode) throw new Error(`no stage ${stageTitle}`);
      const title = titleNode.getClientRect();
      const middle = title.x + title.width / 2;
      const header = konvaStage!.find(".stage-header").find((n) => {
        const r = n.getClientRect();
        return r.x <= middle && middle <= r.x + r.width;
      });
      const r = (header ?? titleNode).getClientRect();
      const container = titleNode.getStage().container().getBoundingClientRect();
      return { ...r, x: container.x + r.x, y: container.y + r.y };
    }, title);
  }

  async openStageMenu(title: string): Promise<void> {
    const header = await this.stageHeader(title);
    await this.page.mouse.click(header.x + header.width / 2, header.y + header.height / 2);
    await this.page.getByTestId("axis.menu").waitFor();
  }

  /** Clicks a lane header (by its title) to open its menu. */
  async openLaneMenu(lane: string): Promise<void> {
    await this.clickLaneHeader(lane);
    await this.page.getByTestId("axis.menu").waitFor();
  }

  /** Clicks a lane header where its menu is not offered: no menu opens (the notice says why). */
  async openLaneMenuExpectingNone(lane: string): Promise<void> {
    await this.clickLaneHeader(lane);
    await expect(this.page.getByTestId("axis.menu")).toHaveCount(0);
  }

  private async clickLaneHeader(lane: string): Promise<void> {
    const point = await this.page.evaluate((laneTitle) => {
      const konvaStage = window.Konva?.stages[0];
      const title = konvaStage?.find(".lane-title").find((n) => n.text() === laneTitle);
      if (!title) throw new Error(`no lane ${laneTitle}`);
      const r = title.getClientRect();
      const container = title.getStage().container().getBoundingClientRect();
      return { x: container.x + r.x + 10, y: container.y + r.y + 6 };
    }, lane);
    await this.page.mouse.click(point.x, point.y);
  }

  async cardId(text: string): Promise<string> {
    const id = await this.card(text).first().getAttribute("data-card-id");
    if (!id) throw new Error(`no card "${text}"`);
    return id;
  }

  async canvasBox() {
    const box = await this.page.getByTestId("board.canvas").boundingBox();
    if (!box) throw new Error("canvas not visible");
    return box;
  }
}
