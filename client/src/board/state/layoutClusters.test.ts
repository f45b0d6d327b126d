import { describe, expect, it } from "vitest";
import { newLane, newStage, type CardRecord, type JourneyGrid, type TimelineDirection } from "@journeyboard/shared";
import { shapeOf } from "./cellShape";
import { GRID, addSlotRect, cellAt, headingRects, layoutJourney, slotsIn, type Rect } from "./layout";

const card = (id: string, order: string, cluster: string | null = null): CardRecord => ({
  id,
  journeyId: "j",
  stageId: "s1",
  laneId: "l1",
  order,
  text: id,
  authorName: "",
  authorDepartment: "sales",
  createdAt: 1,
  authorId: null,
  textDirection: "auto",
  mergedInto: null,
  cluster,
});

const gridOf = (cards: CardRecord[]): JourneyGrid => ({
  stages: [newStage({ id: "s1", journeyId: "j", title: "s1", order: "a0" })],
  lanes: [newLane({ id: "l1", journeyId: "j", kind: "steps", title: "l1", order: "a0" })],
  cells: new Map([[`s1\u0000l1`, cards]]),
});

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The cell's card boxes, its headings, and its add strip, for a journey of this one cell. */
function cell(cards: CardRecord[], direction: TimelineDirection = "ltr") {
  const grid = gridOf(cards);
  const layout = layoutJourney(grid, direction);
  const [column, row] = [layout.columns[0]!, layout.rows[0]!];
  const shape = shapeOf(cards);
  const headings = headingRects(column, row, shape);
  const add = addSlotRect(column, row, cards.length, shape);
  return { grid, layout, column, row, shape, headings, add, box: (id: string) => layout.cards.get(id)! };
}

describe("clusters in the layout", () => {
  it("puts one heading over each cluster's cards, makes room for it, and nothing overlaps", () => {
    const cards = [card("a", "a0"), card("b", "a1", "Fees"), card("c", "a2", "Fees"), card("d", "a3")];
    const { layout, row, headings, add, box } = cell(cards);
    expect(headings.map(({ cluster, first, count }) => ({ cluster, first, count }))).toEqual([
      { cluster: "Fees", first: 1, count: 2 },
    ]);
    const [heading] = headings;
    expect(heading!.y).toBeGreaterThanOrEqual(box("a").y + GRID.cardHeight);
    expect(heading!.y + heading!.height).toBeLessThanOrEqual(box("b").y);
    expect(box("b").y).toBe(box("a").y + GRID.cardHeight + GRID.cardGap + GRID.clusterHeading);
    expect(box("c").y).toBe(box("b").y + GRID.cardHeight + GRID.cardGap);
    const shown = [...["a", "b", "c", "d"].map(box), heading!, add];
    shown.forEach((one, i) => shown.slice(i + 1).forEach((other) => expect(overlap(one, other)).toBe(false)));
    // The cell grows by the heading's band: the lane holds everything, the add strip included.
    const plain = cell(cards.map((c) => ({ ...c, cluster: null })));
    expect(row.height).toBe(plain.row.height + GRID.clusterHeading);
    expect(add.y + add.height).toBeLessThanOrEqual(row.y + row.height - GRID.cellPadding);
    expect(layout.height).toBe(row.y + row.height);
  });

  it("starts each cluster of a crowded cell on a line of its own, on either timeline", () => {
    const cards = [
      ...Array.from({ length: 5 }, (_, i) => card(`p${i}`, `a${i}`)),
      ...Array.from({ length: 4 }, (_, i) => card(`w${i}`, `b${i}`, "Waiting")),
      card("q", "c0"),
    ];
    for (const direction of ["ltr", "rtl"] as const) {
      const { column, headings, add, box } = cell(cards, direction);
      expect(column.across).toBeGreaterThan(1);
      const first = box("w0");
      // Its first card starts a line, at the side the timeline starts from.
      expect(first.y).toBeGreaterThan(box("p4").y);
      expect(first.x).toBe(box("p0").x);
      expect(headings).toHaveLength(1);
      expect(headings[0]!.y).toBeGreaterThanOrEqual(box("p4").y + GRID.cardHeight);
      // After the cluster, the cards in none start a line again.
      expect(box("q").x).toBe(box("p0").x);
      expect(box("q").y).toBeGreaterThan(box(`w${column.across}`).y - 1);
      const shown = [...cards.map((c) => box(c.id)), ...headings, add];
      shown.forEach((one, i) => shown.slice(i + 1).forEach((other) => expect(overlap(one, other)).toBe(false)));
    }
  });

  it("drops before the card under the point and mounts the slots in view, headings counted", () => {
    const cards = [card("a", "a0"), card("b", "a1", "Fees"), card("c", "a2", "Fees")];
    const { grid, layout, column, row, shape, headings, box } = cell(cards);
    const b = box("b");
    expect(cellAt(layout, grid, b.x + 5, b.y + 5)).toMatchObject({ index: 1 });
    expect(cellAt(layout, grid, b.x + 5, b.y + b.height - 5)).toMatchObject({ index: 2 });
    expect(cellAt(layout, grid, headings[0]!.x + 5, headings[0]!.y + 2)).toMatchObject({ index: 1 });
    expect(slotsIn(column, row, cards.length, { ...b, height: 1 }, shape)).toEqual([1]);
    expect(slotsIn(column, row, cards.length, { ...headings[0]!, height: 1 }, shape)).toEqual([]);
  });

  it("makes a cell's shape once per cards array, and none for a cell without clusters", () => {
    const plain = [card("a", "a0")];
    expect(shapeOf(plain)).toHaveLength(0);
    const grouped = [card("a", "a0", "X"), card("b", "a1", "Y"), card("c", "a2", "Y")];
    expect(shapeOf(grouped)).toBe(shapeOf(grouped));
    expect(shapeOf(grouped)).toEqual([
      { first: 0, count: 1, cluster: "X" },
      { first: 1, count: 2, cluster: "Y" },
    ]);
  });
});
