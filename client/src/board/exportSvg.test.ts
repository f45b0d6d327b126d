import { describe, expect, it } from "vitest";
import { newLane, newStage, type CardRecord, type JourneyGrid } from "@journeyboard/shared";
import { journeySvg, wrapText, xmlText } from "./exportSvg";
import { layoutJourney } from "./state/layout";

const measure = (text: string, size: number) => text.length * size * 0.5;
const card = (id: string, text: string): CardRecord => ({
  id,
  journeyId: "j",
  stageId: "s",
  laneId: "l",
  order: id,
  text,
  authorName: "",
  authorDepartment: "sales",
  createdAt: 1,
});
const grid: JourneyGrid = {
  stages: [newStage({ id: "s", journeyId: "j", title: "Awareness", order: "a0" })],
  lanes: [newLane({ id: "l", journeyId: "j", kind: "irritants", title: "Irritants", order: "a0" })],
  cells: new Map([
    ["s\u0000l", [card("a0", '<script>alert("x")</script> & fees\u0007'), card("a1", "رسوم التوصيل المخفية")]],
  ]),
};
const labels = { stage: () => "Awareness", lane: () => "Irritants" };

describe("the journey as SVG", () => {
  it("draws every card with its text escaped, right-to-left text running right to left", () => {
    const svg = journeySvg(layoutJourney(grid, "ltr"), grid, labels, measure);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(svg).not.toContain("\u0007");
    expect(svg).toMatch(/direction="rtl" text-anchor="start" fill="#0f172a">رسوم التوصيل المخفية</);
    expect(svg.match(/<text /g)?.length).toBe(svg.match(/<\/text>/g)?.length);
  });

  it("wraps text to the card's width and ends a cut text with an ellipsis", () => {
    expect(wrapText("one two three four", 7 * 7, 3, measure)).toEqual(["one two", "three", "four"]);
    expect(wrapText("one two three four five six", 7 * 7, 2, measure)).toEqual(["one two", "three…"]);
    expect(xmlText("a < b & c")).toBe("a &lt; b &amp; c");
  });
});
