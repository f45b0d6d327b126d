import { describe, expect, it } from "vitest";
import {
  emotionCurveOf,
  newLane,
  newStage,
  type CardRecord,
  type JourneyGrid,
  type RatingRecord,
} from "@journeyboard/shared";
import { journeySvg, wrapText, xmlText, type SvgCurve, type SvgLabels } from "./exportSvg";
import { curveScale } from "./state/curve";
import { layoutJourney } from "./state/layout";

const measure = (text: string, size: number) => text.length * size * 0.5;
const card = (id: string, text: string, laneId = "l"): CardRecord => ({
  id,
  journeyId: "j",
  stageId: "s",
  laneId,
  order: id,
  text,
  authorName: "",
  authorDepartment: "sales",
  createdAt: 1,
  authorId: null,
  textDirection: "auto",
  mergedInto: null,
  cluster: null,
});
const grid: JourneyGrid = {
  stages: [newStage({ id: "s", journeyId: "j", title: "Awareness", order: "a0" })],
  lanes: [newLane({ id: "l", journeyId: "j", kind: "irritants", title: "Irritants", order: "a0" })],
  cells: new Map([
    ["s\u0000l", [card("a0", '<script>alert("x")</script> & fees\u0007'), card("a1", "رسوم التوصيل المخفية")]],
  ]),
};
const labels: SvgLabels = { stage: () => "Awareness", lane: () => "Irritants", merged: () => null };
const noCurve: SvgCurve = { steps: [], labels: { disagreement: "Disagree", scale: (v) => `face${v}` } };
/** The `<text>` elements of an SVG: where each starts, its size and its content. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text x="([-\d.]+)" y="([-\d.]+)" font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    size: Number(m[3]),
    text: m[4]!,
  }));

describe("the journey as SVG", () => {
  it("draws every card with its text escaped, right-to-left text running right to left", () => {
    const svg = journeySvg(layoutJourney(grid, "ltr"), grid, labels, noCurve, measure);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toContain("<script");
    const cardText = texts(svg)
      .filter((t) => t.size === 14)
      .map((t) => t.text)
      .join("");
    expect(cardText).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(svg).not.toContain("\u0007");
    expect(svg).toMatch(/direction="rtl" text-anchor="start" fill="#0f172a">رسوم التوصيل المخفية</);
    expect(svg.match(/<text /g)?.length).toBe(svg.match(/<\/text>/g)?.length);
  });

  it("marks a merged card with its badge on the card's top edge, as the canvas does, and no other card", () => {
    const layout = layoutJourney(grid, "ltr");
    const merged: SvgLabels = { ...labels, merged: (c) => (c.id === "a1" ? "٣ مدمجة" : null) };
    const badges = texts(journeySvg(layout, grid, merged, noCurve, measure)).filter((t) => t.size === 11);
    const box = layout.cards.get("a1")!;
    expect(badges).toEqual([
      { x: box.x + box.width - 20 - 74 + 21 + 24, y: box.y - 9 + 13, size: 11, text: "٣ مدمجة" },
    ]);
    expect(texts(journeySvg(layout, grid, labels, noCurve, measure)).filter((t) => t.size === 11)).toEqual([]);
  });

  it("sets every line of a card in the card's direction: its content's, or the one it is set to", () => {
    const persian = "Digikala سفارشم را دیر فرستاد و من منتظر ماندم";
    const quoted = "«شكراً» said the agent";
    const withCards = (cards: CardRecord[]): JourneyGrid => ({ ...grid, cells: new Map([["s\u0000l", cards]]) });
    const lines = (cards: CardRecord[]) => {
      const svg = journeySvg(layoutJourney(withCards(cards), "ltr"), withCards(cards), labels, noCurve, measure);
      const box = layoutJourney(withCards(cards), "ltr").cards.get("c")!;
      return [...svg.matchAll(/<text x="([-\d.]+)" y="[-\d.]+" font-size="14"( direction="rtl")?[^>]*>([^<]*)</g)].map(
        (m) => ({ fromRight: Number(m[1]) === box.x + box.width - 10, rtl: m[2] !== undefined, text: m[3]! }),
      );
    };
    const auto = lines([card("c", persian)]);
    expect(auto.length).toBeGreaterThan(1);
    expect(auto.every((line) => !line.rtl && !line.fromRight)).toBe(true);
    const rtl = lines([{ ...card("c", persian), textDirection: "rtl" }]);
    expect(rtl.map((line) => line.text)).toEqual(auto.map((line) => line.text));
    expect(rtl.every((line) => line.rtl && line.fromRight)).toBe(true);
    expect(lines([card("c", quoted)]).every((line) => line.rtl)).toBe(true);
    expect(lines([{ ...card("c", quoted), textDirection: "ltr" }]).every((line) => !line.rtl && !line.fromRight)).toBe(
      true,
    );
  });

  it("wraps text to the card's width and ends a cut text with an ellipsis", () => {
    expect(wrapText("one two three four", 7 * 7, 3, measure)).toEqual(["one two", "three", "four"]);
    expect(wrapText("one two three four five six", 7 * 7, 2, measure)).toEqual(["one two", "three…"]);
    expect(xmlText("a < b & c")).toBe("a &lt; b &amp; c");
  });

  it("cuts a word wider than the card between characters, and keeps every line and its ellipsis within the width", () => {
    const word = "Pozaprogramowo-nieprzewidywalnie-skomplikowany-formularz";
    const lines = wrapText(`I fill ${word} 👩‍👩‍👧 again`, 10 * 7, 20, measure);
    expect(lines.join("").replace(/\s/g, "")).toBe(`Ifill${word}👩‍👩‍👧again`);
    for (const line of lines) expect(measure(line, 14)).toBeLessThanOrEqual(10 * 7);
    expect(lines.some((line) => line.includes("👩‍👩‍👧"))).toBe(true);
    const cut = wrapText(`${word} ${word}`, 10 * 7, 2, measure);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith("…")).toBe(true);
    expect(measure(cut[1]!, 14)).toBeLessThanOrEqual(10 * 7);

    const long = { ...grid, cells: new Map([["s\u0000l", [card("w", `${word}${word}`)]]]) };
    const layout = layoutJourney(long, "ltr");
    const box = layout.cards.get("w")!;
    const drawn = texts(journeySvg(layout, long, labels, noCurve, measure)).filter((t) => t.size === 14);
    expect(drawn.length).toBeGreaterThan(1);
    for (const line of drawn) {
      expect(line.x).toBeGreaterThanOrEqual(box.x);
      expect(line.x + measure(line.text, 14)).toBeLessThanOrEqual(box.x + box.width);
    }
  });

  it("draws the group's emotion curve in the emotion lane: a point per rated step at its median, a ring where people disagree", () => {
    const steps = [
      card("calm", "I browse", "steps"),
      card("split", "I pay", "steps"),
      card("none", "I leave", "steps"),
    ];
    const rated: JourneyGrid = {
      stages: grid.stages,
      lanes: [
        newLane({ id: "steps", journeyId: "j", kind: "steps", title: "", order: "a0" }),
        newLane({ id: "feel", journeyId: "j", kind: "emotions", title: "", order: "a1" }),
      ],
      cells: new Map([["s\u0000steps", steps]]),
    };
    const rating = (cardId: string, participantId: string, department: string, value: number): RatingRecord => ({
      id: `${cardId}:${participantId}`,
      cardId,
      participantId,
      department,
      value,
    });
    const ratings = [
      rating("calm", "a", "sales", 2),
      rating("calm", "b", "sales", 2),
      rating("split", "a", "sales", 2),
      rating("split", "b", "digital", -2),
    ];
    const layout = layoutJourney(rated, "ltr");
    const curve = { ...noCurve, steps: emotionCurveOf(rated, ratings) };
    const svg = journeySvg(layout, rated, labels, curve, measure);

    const band = layout.rows.find((row) => row.lane.kind === "emotions")!.curve!;
    const { yOf } = curveScale(band);
    const column = layout.columns[0]!;
    const points = /<polyline points="([^"]*)"/
      .exec(svg)![1]!
      .split(" ")
      .map((p) => p.split(",").map(Number));
    expect(points).toEqual([
      [column.x + column.width / 4, yOf(2)],
      [column.x + column.width / 2, yOf(0)],
    ]);
    expect(svg.match(/stroke-dasharray="3 2"/g)).toHaveLength(1);
    expect(texts(svg).map((t) => t.text)).toEqual(expect.arrayContaining(["face2", "face0", "face-2", "Disagree"]));
    expect(journeySvg(layout, rated, labels, noCurve, measure)).not.toContain("<polyline");
  });
});
