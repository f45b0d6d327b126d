import { describe, expect, it } from "vitest";
import { newLane, newStage, type CardRecord, type JourneyGrid } from "@journeyboard/shared";
import { journeySvg, type SvgCurve, type SvgLabels } from "./exportSvg";
import { headingRects, layoutJourney } from "./state/layout";
import { shapeOf } from "./state/cellShape";

const measure = (text: string, size: number) => text.length * size * 0.5;
const card = (id: string, cluster: string | null): CardRecord => ({
  id,
  journeyId: "j",
  stageId: "s",
  laneId: "l",
  order: id,
  text: `card ${id}`,
  authorName: "",
  authorDepartment: "sales",
  createdAt: 1,
  authorId: null,
  textDirection: "auto",
  mergedInto: null,
  cluster,
});
const cards = [card("a0", null), card("a1", "رسوم خفية"), card("a2", "رسوم خفية"), card("a3", "Fees & <taxes>")];
const grid: JourneyGrid = {
  stages: [newStage({ id: "s", journeyId: "j", title: "Awareness", order: "a0" })],
  lanes: [newLane({ id: "l", journeyId: "j", kind: "irritants", title: "Irritants", order: "a0" })],
  cells: new Map([["s\u0000l", cards]]),
};
const labels: SvgLabels = { stage: () => "Awareness", lane: () => "Irritants", merged: () => null };
const noCurve: SvgCurve = { steps: [], labels: { disagreement: "Disagree", scale: (v) => `face${v}` } };

describe("clusters in the journey's SVG", () => {
  it("draws each cluster's name once, on its heading above its cards, from the side it reads from", () => {
    const layout = layoutJourney(grid, "ltr");
    const svg = journeySvg(layout, grid, labels, noCurve, measure);
    const headings = [...svg.matchAll(/<text x="([-\d.]+)" y="([-\d.]+)" font-size="13"([^>]*)>([^<]*)</g)].map(
      (m) => ({ x: Number(m[1]), y: Number(m[2]), rtl: m[3]!.includes('direction="rtl"'), text: m[4]! }),
    );
    expect(headings.map((h) => h.text)).toEqual(["رسوم خفية", "Fees &amp; &lt;taxes&gt;"]);
    const [arabic, english] = headingRects(layout.columns[0]!, layout.rows[0]!, shapeOf(cards));
    expect(headings[0]).toMatchObject({ x: arabic!.x + arabic!.width - 10, rtl: true });
    expect(headings[1]).toMatchObject({ x: english!.x + 10, rtl: false });
    expect(headings[0]!.y).toBeGreaterThan(arabic!.y);
    expect(headings[0]!.y).toBeLessThan(layout.cards.get("a1")!.y);
    expect(headings[1]!.y).toBeLessThan(layout.cards.get("a3")!.y);
  });
});
