import type { Page } from "@playwright/test";
import type { Role } from "@journeyboard/shared";
import { BoardPage } from "./BoardPage";

export class HomePage {
  constructor(readonly page: Page) {}

  /** Creates a board through the form and returns its three links as shown. */
  async createBoard(title: string, mapType = "currentState"): Promise<Record<Role, string>> {
    await this.page.getByTestId("create.title").fill(title);
    await this.page.getByTestId(`create.mapType.${mapType}`).check({ force: true });
    await this.page.getByTestId("create.submit").click();
    await this.page.getByTestId("links.panel").waitFor();
    return {
      facilitator: await this.page.getByTestId("links.facilitator").inputValue(),
      participant: await this.page.getByTestId("links.participant").inputValue(),
      viewer: await this.page.getByTestId("links.viewer").inputValue(),
    };
  }

  async openBoard(): Promise<BoardPage> {
    await this.page.getByTestId("links.open").click();
    return new BoardPage(this.page);
  }
}
