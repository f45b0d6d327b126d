import MarkdownIt from "markdown-it";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addActions, addCard, lanesOf, localUserOrigin, rateStep, readAll, stagesOf } from "@journeyboard/shared";
import { actionPlanMarkdown } from "../src/exports/actionPlan";
import { escapeMarkdown } from "../src/exports/markdown";
import { acknowledged, connectSynced } from "./support/client";
import { startTestServer } from "./support/server";

/** The OWASP CSV-injection vectors: each would run as a formula if a cell started with it. */
const FORMULAS = [
  "=1+1",
  "+SUM(1)",
  "-2+3",
  "@SUM(1)",
  "\t=1",
  "\r=1",
  "\n=1",
  "\u0000=1",
  '=HYPERLINK("http://evil")',
];

describe("action plan exports", () => {
  it("exports the plan as CSV in priority order, one cell per field, formulas neutralised, UTF-8 with BOM", async () => {
    const server = await startTestServer();
    const board = await server.createBoard({ title: "Plan" });
    const client = await connectSynced(server.url, board.id, board.links.facilitator.token);
    addActions(
      client.doc,
      {
        actions: [
          { id: "a0", title: 'Pokaż koszt dostawy, "od razu"', impact: 5, effort: 1, dots: 4, createdAt: 1 },
          ...FORMULAS.map((title, i) => ({
            id: `a${i + 1}`,
            title,
            description: title,
            ownerDepartment: title,
            createdAt: 1,
          })),
        ],
      },
      client.origin,
    );
    await acknowledged(client);

    const response = await fetch(`${server.url}/api/boards/${board.id}/export/action-plan.csv`, {
      headers: { authorization: `Bearer ${board.links.viewer.token}` },
    });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual([
      "priority",
      "action",
      "description",
      "kind",
      "owner",
      "impact",
      "effort",
      "horizon",
      "status",
      "dots",
      "addresses",
      "stages",
    ]);
    expect(rows).toHaveLength(FORMULAS.length + 2);
    for (const row of rows) expect(row).toHaveLength(12);
    expect(rows[1]).toEqual([
      "1",
      'Pokaż koszt dostawy, "od razu"',
      "",
      "Quick win",
      "",
      "5",
      "1",
      "This month",
      "Proposed",
      "4",
      "",
      "",
    ]);
    FORMULAS.forEach((formula, i) => {
      const row = rows[i + 2]!;
      for (const cell of [row[1], row[2], row[4]]) expect(cell).toBe(`'${formula}`);
    });
    expect((await fetch(`${server.url}/api/boards/${board.id}/export/action-plan.csv?token=nope`)).status).toBe(403);
  });

  it("escapes user text in Markdown so fuzzed text never becomes markup", () => {
    const md = new MarkdownIt({ html: true, linkify: true });
    const alphabet = [
      "#",
      "*",
      "_",
      "`",
      "[",
      "]",
      "(",
      ")",
      "!",
      "<",
      ">",
      "|",
      "-",
      "+",
      "=",
      "~",
      "&",
      "\\",
      ".",
      "1",
      " ",
      "\n",
      "a",
      "ł",
      "ع",
      "http://x.io",
      "<script>",
      "&amp;",
      "    ",
    ];
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let sample = 0; sample < 600; sample++) {
      const text = Array.from({ length: 1 + random(24) }, () => alphabet[random(alphabet.length)]).join("");
      const html = md.renderInline(escapeMarkdown(text));
      expect(html, JSON.stringify(text)).toBe(md.utils.escapeHtml(text.replace(/[\r\n\t\f\v]+/g, " ").trim()));
    }
  });

  it("writes the plan as Markdown with a table and a section per action, and no markup from user text", () => {
    const doc = new Y.Doc();
    const hostile = "# Title](http://evil)<img src=x onerror=alert(1)> | --- |\n> quote";
    addActions(
      doc,
      { actions: [{ id: "a", title: hostile, description: "*bold* `code`", createdAt: 1 }] },
      localUserOrigin(),
    );
    const html = new MarkdownIt({ html: true, linkify: true }).render(actionPlanMarkdown(doc, "Board <b>1</b>"));
    const tags = [...new Set([...html.matchAll(/<([a-z0-9]+)/g)].map((m) => m[1]))].sort();
    expect(tags).toEqual(["h1", "h2", "p", "table", "tbody", "td", "th", "thead", "tr"]);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("exports a journey as a grid CSV (a column per lane) and as Mermaid journey text scored from the group's emotions", async () => {
    const server = await startTestServer();
    const board = await server.createBoard({ title: "Dress" });
    const client = await connectSynced(server.url, board.id, board.links.facilitator.token);
    const journeyId = readAll(client.doc, "journeys")[0]!.id;
    const [awareness, consideration] = stagesOf(client.doc, journeyId);
    const lanes = lanesOf(client.doc, journeyId);
    const put = (id: string, stageId: string, kind: string, text: string) =>
      addCard(
        client.doc,
        {
          id,
          journeyId,
          stageId,
          laneId: lanes.find((l) => l.kind === kind)!.id,
          text,
          authorName: "",
          authorDepartment: "sales",
          createdAt: 1,
        },
        client.origin,
      );
    put("s1", awareness!.id, "steps", "I see an ad: summer");
    put("s2", awareness!.id, "steps", "I ask a friend");
    put("t1", awareness!.id, "touchpoints", "Instagram");
    put("s3", consideration!.id, "steps", "I compare; prices #2");
    rateStep(client.doc, { cardId: "s1", participantId: "a", department: "sales", value: 2 }, client.origin);
    rateStep(client.doc, { cardId: "s1", participantId: "b", department: "digital", value: 2 }, client.origin);
    rateStep(client.doc, { cardId: "s3", participantId: "a", department: "sales", value: -2 }, client.origin);
    await acknowledged(client);
    const get = (file: string) =>
      fetch(
        `${server.url}/api/boards/${board.id}/export/${file}?journey=${journeyId}&token=${board.links.viewer.token}`,
      ).then((r) => r.text());

    const rows = parse(await get("journey.csv")) as string[][];
    expect(rows[0]!.slice(0, 3)).toEqual(["stage", "Customer steps", "Touchpoints"]);
    expect(rows.slice(1, 4).map((r) => r.slice(0, 3))).toEqual([
      ["Awareness", "I see an ad: summer", "Instagram"],
      ["Awareness", "I ask a friend", ""],
      ["Consideration", "I compare; prices #2", ""],
    ]);
    for (const row of rows) expect(row).toHaveLength(rows[0]!.length);

    expect(await get("journey.mmd")).toBe(
      [
        "journey",
        "  title Dress",
        "  section Awareness",
        "    I see an ad summer: 5: Sales, Digital",
        "    I ask a friend: 3: Customer",
        "  section Consideration",
        "    I compare prices 2: 1: Sales",
        "",
      ].join("\n"),
    );
  });
});
