import { describe, expect, it } from "vitest";
import type { ClipboardCards } from "@journeyboard/shared";
import { pastedCells } from "./pastedCells";

const grid = { stages: [{ id: "s1" }, { id: "s2" }, { id: "s3" }], lanes: [{ id: "l1" }, { id: "l2" }] };
const copied = (...offsets: [number, number][]): ClipboardCards => ({
  format: "journeyboard/cards",
  version: 1,
  cards: offsets.map(([stageOffset, laneOffset], index) => ({ text: `card ${index}`, stageOffset, laneOffset })),
});

describe("pasted cards as drafts", () => {
  it("land in the cells their offsets name from the target cell", () => {
    expect(pastedCells(grid, { stageId: "s1", laneId: "l1" }, copied([0, 0], [1, 1]))).toEqual([
      { stageId: "s1", laneId: "l1", text: "card 0" },
      { stageId: "s2", laneId: "l2", text: "card 1" },
    ]);
  });

  it("stay in the journey's last stage and lane where the grid runs out", () => {
    expect(pastedCells(grid, { stageId: "s3", laneId: "l2" }, copied([2, 1]))).toEqual([
      { stageId: "s3", laneId: "l2", text: "card 0" },
    ]);
  });
});
