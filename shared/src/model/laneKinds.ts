/**
 * Lane kinds are the rows of a journey map. A card takes its kind from the
 * lane it sits in, so moving a card between lanes changes what it is.
 */
export const LANE_KINDS = [
  "steps",
  "touchpoints",
  "thoughts",
  "emotions",
  "irritants",
  "breakdowns",
  "magicMoments",
  "momentsOfTruth",
  "goodPractices",
  "ideas",
  "backstage",
  "indicators",
] as const;

export type LaneKind = (typeof LANE_KINDS)[number];

/** Background colours of lanes and their cards, chosen to stay readable with dark text. */
export const LANE_COLOURS: Record<LaneKind, { lane: string; card: string }> = {
  steps: { lane: "#eef4ff", card: "#c9dcff" },
  touchpoints: { lane: "#eefaf6", card: "#c4ecdd" },
  thoughts: { lane: "#f6f2ff", card: "#ddd2fb" },
  emotions: { lane: "#fff7ec", card: "#ffe0b5" },
  irritants: { lane: "#fff0f0", card: "#ffc9c9" },
  breakdowns: { lane: "#fbeff3", card: "#f5bfd0" },
  magicMoments: { lane: "#fffbe6", card: "#fff0a8" },
  momentsOfTruth: { lane: "#f0f7ff", card: "#bfe0ff" },
  goodPractices: { lane: "#f1fbef", card: "#cdeec4" },
  ideas: { lane: "#fdf4ff", card: "#f2cdfb" },
  backstage: { lane: "#f3f4f6", card: "#dde1e7" },
  indicators: { lane: "#eff9fb", card: "#c2e8ef" },
};
