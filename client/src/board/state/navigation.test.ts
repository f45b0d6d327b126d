import { describe, expect, it } from "vitest";
import { newLane, newStage, type CardRecord, type JourneyGrid } from "@journeyboard/shared";
import { layoutJourney } from "./layout";
import { moveTarget, nextFocus } from "./navigation";

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
const many = (prefix: string, count: number, stageId: string, laneId: string) =>
  Array.from({ length: count }, (_, i) => card(`${prefix}${i}`, stageId, laneId, `a${i}`));

// Stage s1 holds a crowded cell (cards side by side), s2 two cards, s3 nothing.
const grid: JourneyGrid = {
  stages: ["s1", "s2", "s3"].map((id, i) => newStage({ id, journeyId: "j", title: id, order: `a${i}` })),
  lanes: ["l1", "l2"].map((id, i) => newLane({ id, journeyId: "j", kind: "steps", title: id, order: `a${i}` })),
  cells: new Map([
    ["s1\u0000l1", many("a", 12, "s1", "l1")],
    ["s2\u0000l1", many("b", 2, "s2", "l1")],
  ]),
};

describe("keyboard navigation", () => {
  const ltr = layoutJourney(grid, "ltr");
  const rtl = layoutJourney(grid, "rtl");

  it("starts on the first card, moves within a cell first, then to the next cell's nearest card", () => {
    expect(nextFocus(ltr, grid, null, "down")).toEqual({ card: "a0" });
    expect(ltr.columns[0]!.across).toBeGreaterThan(1);
    expect(nextFocus(ltr, grid, { card: "a0" }, "right")).toEqual({ card: "a1" });
    expect(nextFocus(ltr, grid, { card: "a0" }, "down")).toEqual({ card: `a${ltr.columns[0]!.across}` });
    expect(nextFocus(ltr, grid, { card: "a0" }, "left")).toEqual({ card: "a0" });
    const lastOfLine = `a${ltr.columns[0]!.across - 1}`;
    expect(nextFocus(ltr, grid, { card: lastOfLine }, "right")).toEqual({ card: "b0" });
    expect(nextFocus(ltr, grid, { card: "b0" }, "down")).toEqual({ card: "b1" });
  });

  it("lands on an empty cell, and leaves it for the cells around", () => {
    expect(nextFocus(ltr, grid, { card: "b1" }, "down")).toEqual({ cell: { stageId: "s2", laneId: "l2" } });
    expect(nextFocus(ltr, grid, { card: "b0" }, "right")).toEqual({ cell: { stageId: "s3", laneId: "l1" } });
    expect(nextFocus(ltr, grid, { cell: { stageId: "s2", laneId: "l2" } }, "up")).toEqual({ card: "b1" });
  });

  it("follows the screen on a right-to-left timeline: the next stage is to the left", () => {
    expect(nextFocus(rtl, grid, { card: "a0" }, "left")).toEqual({ card: "a1" });
    const lastOfLine = `a${rtl.columns[0]!.across - 1}`;
    expect(nextFocus(rtl, grid, { card: lastOfLine }, "left")).toEqual({ card: "b0" });
  });

  it("moves a card a place within its cell, a line up or down, then to the end of the next cell", () => {
    expect(moveTarget(ltr, grid, "a0", "right")).toEqual({ stageId: "s1", laneId: "l1", index: 1 });
    expect(moveTarget(ltr, grid, "a0", "down")).toEqual({ stageId: "s1", laneId: "l1", index: ltr.columns[0]!.across });
    expect(moveTarget(ltr, grid, "b1", "up")).toEqual({ stageId: "s2", laneId: "l1", index: 0 });
    expect(moveTarget(ltr, grid, "b1", "down")).toEqual({ stageId: "s2", laneId: "l2", index: 0 });
    expect(moveTarget(ltr, grid, "b0", "right")).toEqual({ stageId: "s3", laneId: "l1", index: 0 });
    expect(moveTarget(ltr, grid, "b0", "left")).toEqual({ stageId: "s1", laneId: "l1", index: 12 });
    expect(moveTarget(ltr, grid, "a0", "up")).toBeNull();
    expect(moveTarget(rtl, grid, "a0", "left")).toEqual({ stageId: "s1", laneId: "l1", index: 1 });
  });
});
