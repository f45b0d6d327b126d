import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { addActions, lanesOf, readAll, renameLane } from "@journeyboard/shared";
import { acknowledged } from "./support/client";
import { putCard } from "./support/cards";
import { startTestServer } from "./support/server";
import { addDot, closeAndReveal, connectVoter, connectWorkshop, rules, startRound } from "./support/voting";

/** What a spreadsheet runs as a formula: a cell starting with a control character, or with = + - @ after white space. */
const LIVE_FORMULA = /^[\t\r\n\0]|^[\s\0]*[=+\-@]/;

/**
 * Text that hides a formula after a line break or white space, where a check
 * of the first character misses it, and the cell a spreadsheet must show: a
 * line break stays inside its (quoted) cell, a formula after white space is
 * neutralised.
 */
const HIDDEN: Array<[text: string, cell: string]> = [
  ["Fine\n=cmd|' /C calc'!A0", "Fine\n=cmd|' /C calc'!A0"],
  ["Fine\r@SUM(1)", "Fine\r@SUM(1)"],
  [" =1+1", "' =1+1"],
  ["\u00a0+SUM(1)", "'\u00a0+SUM(1)"],
];
const LANE = '=HYPERLINK("http://evil")';

/**
 * Reads a CSV as a spreadsheet does: a row ends at CRLF, a bare LF or a bare
 * CR outside quotes, so a line break left unquoted shows as a new row.
 */
const asSpreadsheet = (csv: string) =>
  parse(csv, { bom: true, record_delimiter: ["\r\n", "\n", "\r"], relax_column_count: true }) as string[][];

function expectSafe(rows: string[][]) {
  for (const row of rows) {
    expect(row, JSON.stringify(row)).toHaveLength(rows[0]!.length);
    for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(LIVE_FORMULA);
  }
}

describe("CSV exports", () => {
  it("quote every line break and neutralise formulas after white space and in headers, in every CSV", async () => {
    const server = await startTestServer();
    const board = await server.createBoard();
    const facilitator = await connectVoter(server.url, board.id, board.links.facilitator.token);
    const journeyId = readAll(facilitator.doc, "journeys")[0]!.id;
    const irritants = lanesOf(facilitator.doc, journeyId).find((lane) => lane.kind === "irritants")!;
    renameLane(facilitator.doc, { id: irritants.id, title: LANE }, facilitator.origin);
    const texts = HIDDEN.map(([text]) => text);
    const cells = HIDDEN.map(([, cell]) => cell);
    texts.forEach((text, i) => putCard(facilitator.doc, { id: `c${i}`, text, kind: "irritants" }, facilitator.origin));
    addActions(
      facilitator.doc,
      { actions: texts.map((text, i) => ({ id: `a${i}`, title: text, description: text, createdAt: 1 })) },
      facilitator.origin,
    );
    await acknowledged(facilitator);
    const workshop = await connectWorkshop(server.url, board.id, board.links.viewer.token);
    const round = await startRound(facilitator, workshop, rules({ budgets: { irritants: 4 } }));
    const voter = await connectVoter(server.url, board.id, board.links.participant.token);
    voter.hello("ola", " =department");
    for (const i of texts.keys()) await addDot(voter, round.id, `c${i}`, `${i}`);
    await closeAndReveal(facilitator, workshop, round.id);
    const get = (file: string) =>
      fetch(`${server.url}/api/boards/${board.id}/export/${file}?token=${board.links.viewer.token}`).then((r) =>
        r.text(),
      );

    const journey = asSpreadsheet(await get("journey.csv"));
    expectSafe(journey);
    const column = journey[0]!.indexOf(`'${LANE}`);
    expect(column).toBeGreaterThan(0);
    expect(journey.slice(1, 5).map((row) => row[column])).toEqual(cells);

    const plan = asSpreadsheet(await get("action-plan.csv"));
    expectSafe(plan);
    expect(plan.slice(1).map((row) => [row[1], row[2]])).toEqual(cells.map((cell) => [cell, cell]));

    const votes = asSpreadsheet(await get("votes.csv"));
    expectSafe(votes);
    expect(
      votes
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual([...cells].sort());
    expect(votes.slice(1).map((row) => row[4])).toEqual(cells.map(() => `'${LANE}`));
    expect(votes[1]![6]).toBe("' =department: 1");
  });
});
