import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  addActions,
  emptyIndicator,
  rateStep,
  setCardChannel,
  setCardIndicator,
  setCardOwner,
} from "@journeyboard/shared";
import { acknowledged } from "./support/client";
import { putCard } from "./support/cards";
import { pdfText } from "./support/pdf";
import { startTestServer } from "./support/server";
import { addDot, closeAndReveal, connectVoter, connectWorkshop, rules, startRound } from "./support/voting";

/** Keys a board stores, which no export may print as they are. */
const KEYS = ["callCentre", "backOffice", "afterSales", "mobileApp", "backstage", "CHURN"];

describe("export names", () => {
  it("print departments, channels, kinds and metrics by name, and what someone typed as typed", async () => {
    const server = await startTestServer();
    const board = await server.createBoard({ title: "Repairs", template: "serviceBlueprint" });
    const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
    const { doc, origin } = facilitator;
    putCard(doc, { id: "step", text: "I book a repair", kind: "steps" }, origin);
    putCard(doc, { id: "app", text: "Booking screen", kind: "touchpoints" }, origin);
    putCard(doc, { id: "sms", text: "Reminder", kind: "touchpoints" }, origin);
    putCard(doc, { id: "desk", text: "Parts ordered", kind: "backstage" }, origin);
    putCard(doc, { id: "kpi", text: "Lost customers", kind: "indicators" }, origin);
    setCardChannel(doc, { id: "app", channel: "mobileApp" }, origin);
    setCardChannel(doc, { id: "sms", channel: "SMS" }, origin);
    setCardOwner(doc, { id: "desk", ownerDepartment: "backOffice" }, origin);
    setCardIndicator(doc, { id: "kpi", indicator: { ...emptyIndicator("churn"), value: 4 } }, origin);
    rateStep(doc, { cardId: "step", participantId: "p", department: "afterSales", value: 1 }, origin);
    addActions(
      doc,
      {
        actions: [
          { id: "a1", title: "Call back", ownerDepartment: "callCentre", createdAt: 1 },
          { id: "a2", title: "Track parts", ownerDepartment: "IT", createdAt: 2 },
        ],
      },
      origin,
    );
    await acknowledged(facilitator);
    const workshop = await connectWorkshop(server.url, board.id, board.links.viewer.token);
    const round = await startRound(facilitator, workshop, rules({ budgets: { backstage: 1 } }));
    const voter = await connectVoter(server.url, board.id, board.links.participant.token);
    voter.hello("ola", "callCentre");
    await addDot(voter, round.id, "desk", "1");
    await closeAndReveal(facilitator, workshop, round.id);
    const get = (file: string) =>
      fetch(`${server.url}/api/boards/${board.id}/export/${file}?token=${board.links.viewer.token}`);
    const text = async (file: string) => (await get(file)).text();

    const plan = parse(await text("action-plan.csv"), { bom: true }) as string[][];
    expect(plan.slice(1).map((row) => row[4])).toEqual(["Call centre", "IT"]);
    const votes = parse(await text("votes.csv"), { bom: true }) as string[][];
    expect(votes.slice(1).map((row) => [row[2], row[6]])).toEqual([["Back-stage processes", "Call centre: 1"]]);
    const markdown = await text("action-plan.md");
    expect(markdown).toContain("| Call centre |");
    const mermaid = await text("journey.mmd");
    expect(mermaid).toContain("I book a repair: 4: After-sales");
    const pdf = pdfText(new Uint8Array(await (await get("journey.pdf")).arrayBuffer()));
    for (const name of ["Mobile app", "SMS", "Back office", "Churn: 4", "Call centre", "IT"])
      expect(pdf).toContain(name);

    for (const exported of [JSON.stringify(plan), JSON.stringify(votes), markdown, mermaid, pdf])
      for (const key of KEYS) expect(exported).not.toContain(key);
  });
});
