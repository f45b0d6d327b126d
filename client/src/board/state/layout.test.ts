import { describe, expect, it } from "vitest";
import {
  newLane,
  newStage,
  type CardRecord,
  type JourneyGrid,
  type LaneRecord,
  type StageRecord,
} from "@journeyboard/shared";
import { GRID, acrossFor, addSlotRect, cellAt, draftSlotRect, layoutJourney, slotsIn, type Rect } from "./layout";

const stage = (id: string, order: string): StageRecord => newStage({ id, journeyId: "j", title: id, order });
const lane = (id: string, order: string): LaneRecord =>
  newLane({ id, journeyId: "j", kind: "steps", title: id, order });
const card = (id: string, stageId: string, laneId: string, order: string): CardRecord => ({
  id,
  journeyId: "j",
  stageId,
  laneId,
  order,
  text: id,
  authorName: "",
  authorDepartment: "sales",
  createdAt: 1,
  authorId: null,
  textDirection: "auto",
  mergedInto: null,
  cluster: null,
});

const grid: JourneyGrid = {
  stages: [stage("s1", "a0"), stage("s2", "a1")],
  lanes: [lane("l1", "a0"), lane("l2", "a1")],
  cells: new Map([[`s2\u0000l1`, [card("c1", "s2", "l1", "a0"), card("c2", "s2", "l1", "a1")]]]),
};

describe("journey layout", () => {
  it("makes a lane as tall as its fullest cell and stacks that cell's cards", () => {
    const layout = layoutJourney(grid, "ltr");
    const [first, second] = layout.rows;
    expect(first!.height).toBeGreaterThan(second!.height);
    expect(layout.cards.get("c2")!.y).toBe(layout.cards.get("c1")!.y + GRID.cardHeight + GRID.cardGap);
    expect(layout.cards.get("c1")!.x).toBeGreaterThan(GRID.laneHeaderWidth + GRID.cellWidth);
  });

  it("runs the first stage from the right, lane headers on the right, on a right-to-left timeline", () => {
    const layout = layoutJourney(grid, "rtl");
    expect(layout.columns[0]!.x).toBeGreaterThan(layout.columns[1]!.x);
    expect(layout.laneHeaderX).toBe(2 * GRID.cellWidth);
    expect(layout.cards.get("c1")!.x).toBeLessThan(GRID.cellWidth);
  });

  it("narrows collapsed stages, flattens collapsed lanes, hides their cards and widens a resized stage", () => {
    const resized: JourneyGrid = {
      ...grid,
      stages: [
        { ...grid.stages[0]!, width: 400 },
        { ...grid.stages[1]!, collapsed: true },
      ],
      lanes: [grid.lanes[0]!, { ...grid.lanes[1]!, collapsed: true }],
    };
    const layout = layoutJourney(resized, "ltr");
    expect(layout.columns.map((c) => c.width)).toEqual([400, GRID.collapsedStageWidth]);
    expect(layout.rows[1]!.height).toBe(GRID.collapsedLaneHeight);
    expect(layout.cards.has("c1")).toBe(false);
    expect(cellAt(layout, resized, layout.columns[1]!.x + 5, layout.rows[0]!.y + 20)).toBeNull();
  });

  it("gives an emotion lane a band for the curve above its cards", () => {
    const emotional: JourneyGrid = { ...grid, lanes: [{ ...grid.lanes[0]!, kind: "emotions" }, grid.lanes[1]!] };
    const layout = layoutJourney(emotional, "ltr");
    expect(layout.rows[0]!.curve).toEqual({ y: GRID.stageHeaderHeight, height: GRID.curveHeight });
    expect(layout.cards.get("c1")!.y).toBe(GRID.stageHeaderHeight + GRID.curveHeight + GRID.cellPadding);
  });

  it("finds the cell and the slot under a point, and nothing outside the grid", () => {
    const layout = layoutJourney(grid, "ltr");
    const c2 = layout.cards.get("c2")!;
    expect(cellAt(layout, grid, c2.x + 5, c2.y + 5)).toEqual({ stageId: "s2", laneId: "l1", index: 1 });
    expect(cellAt(layout, grid, c2.x + 5, c2.y + c2.height + 2)).toEqual({ stageId: "s2", laneId: "l1", index: 2 });
    expect(cellAt(layout, grid, GRID.laneHeaderWidth + 5, layout.rows[1]!.y + 5)).toEqual({
      stageId: "s1",
      laneId: "l2",
      index: 0,
    });
    expect(cellAt(layout, grid, 5, 5)).toBeNull();
    expect(cellAt(layout, grid, layout.width + 10, layout.rows[0]!.y + 5)).toBeNull();
  });

  it("sets a crowded cell's cards side by side, so 2,000 cards make a board about as wide as tall", () => {
    const many = (count: number, stageId: string, laneId: string) =>
      Array.from({ length: count }, (_, i) => card(`${stageId}-${laneId}-${i}`, stageId, laneId, `a${i}`));
    const crowded: JourneyGrid = {
      ...grid,
      cells: new Map([
        [`s1\u0000l1`, many(1000, "s1", "l1")],
        [`s2\u0000l2`, many(1000, "s2", "l2")],
      ]),
    };
    const layout = layoutJourney(crowded, "ltr");
    expect(acrossFor(6)).toBe(1);
    expect(layout.columns.map((c) => c.across)).toEqual([acrossFor(1000), acrossFor(1000)]);
    expect(layout.height).toBeLessThan(3 * layout.width);
    expect(layout.height).toBeLessThan(15_000);
    const [first, second] = [layout.cards.get("s1-l1-0")!, layout.cards.get("s1-l1-1")!];
    expect(second.y).toBe(first.y);
    expect(second.x).toBe(first.x + GRID.cardWidth + GRID.cardGap);
    expect(new Set([...layout.cards.values()].map((box) => `${box.x},${box.y}`)).size).toBe(2000);
    // A drop on the right half of a card goes after it; the slots in view are those the view touches.
    expect(cellAt(layout, crowded, second.x + second.width - 5, second.y + 5)).toMatchObject({ index: 2 });
    expect(cellAt(layout, crowded, second.x + 5, second.y + 5)).toMatchObject({ index: 1 });
    const column = layout.columns[0]!;
    const row = layout.rows[0]!;
    expect(slotsIn(column, row, 1000, { ...first, width: second.x + 1 - first.x, height: 1 })).toEqual([0, 1]);
  });

  it("runs a crowded cell's cards from the right on a right-to-left timeline", () => {
    const crowded: JourneyGrid = {
      ...grid,
      cells: new Map([[`s1\u0000l1`, Array.from({ length: 20 }, (_, i) => card(`c${i}`, "s1", "l1", `a${i}`))]]),
    };
    const layout = layoutJourney(crowded, "rtl");
    const [first, second] = [layout.cards.get("c0")!, layout.cards.get("c1")!];
    expect(second.x).toBe(first.x - GRID.cardWidth - GRID.cardGap);
    expect(cellAt(layout, crowded, second.x + 5, second.y + 5)).toMatchObject({ index: 2 });
  });

  it("gives each of a cell's drafts a slot of its own after its cards, and grows the cell for them", () => {
    const overlap = (a: Rect, b: Rect) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const without = layoutJourney(grid, "ltr");
    const layout = layoutJourney(grid, "ltr", undefined, new Map([[`s2\u0000l1`, 3]]));
    const [column, row] = [layout.columns[1]!, layout.rows[0]!];
    const boxes = [
      layout.cards.get("c1")!,
      layout.cards.get("c2")!,
      ...[0, 1, 2].map((i) => draftSlotRect(column, row, 2, i)),
    ];
    boxes.forEach((box, i) => boxes.slice(i + 1).forEach((other) => expect(overlap(box, other)).toBe(false)));
    const add = addSlotRect(column, row, 5);
    expect(boxes.some((box) => overlap(box, add))).toBe(false);
    expect(add.y + add.height).toBeLessThanOrEqual(row.y + row.height);
    expect(row.height).toBe(without.rows[0]!.height + 3 * (GRID.cardHeight + GRID.cardGap));
    expect(layout.rows[1]!.y).toBe(row.y + row.height);
  });
});
