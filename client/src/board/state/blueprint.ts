import { BLUEPRINT_LINES, type BlueprintLine, type MapType } from "@journeyboard/shared";
import type { JourneyLayout } from "./layout";

export interface PlacedLine {
  line: BlueprintLine;
  /** World y of the lane top it runs along. */
  y: number;
}

/** Where a service blueprint's lines go (along the top of the first lane of each preset); other maps have none. */
export function blueprintLines(layout: JourneyLayout, mapType: MapType | undefined): PlacedLine[] {
  if (mapType !== "serviceBlueprint") return [];
  return BLUEPRINT_LINES.flatMap(({ line, above }) => {
    const row = layout.rows.find((r) => r.lane.preset === above);
    return row ? [{ line, y: row.y }] : [];
  });
}
