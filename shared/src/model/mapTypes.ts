import type { LaneKind } from "./laneKinds";

/** The four kinds of map the workshop method uses (see docs: domain vocabulary). */
export const MAP_TYPES = ["currentState", "futureState", "dayInTheLife", "serviceBlueprint"] as const;
export type MapType = (typeof MAP_TYPES)[number];

/**
 * Stage sets found in the method's source articles. Stage titles are stored as
 * a preset key and translated in each participant's own language until someone
 * renames the stage.
 */
export const STAGE_SETS = {
  macro: ["prePurchase", "purchase", "postPurchase"],
  fivePhases: ["awareness", "consideration", "purchase", "retention", "advocacy"],
  decisionPath: ["observation", "evaluation", "decision", "purchase", "loyalty"],
  /** A day in the life follows the customer's day, not a purchase. */
  dayParts: ["morning", "midday", "afternoon", "evening", "night"],
} as const satisfies Record<string, readonly string[]>;
export type StageSetId = keyof typeof STAGE_SETS;
export const STAGE_SET_IDS = Object.keys(STAGE_SETS) as StageSetId[];

export interface LanePreset {
  kind: LaneKind;
  /** Translation key of the default title; the kind itself unless the kind appears twice. */
  preset: string;
}

const lane = (kind: LaneKind, preset: string = kind): LanePreset => ({ kind, preset });

export const MAP_TYPE_LANES: Record<MapType, readonly LanePreset[]> = {
  currentState: [
    lane("steps"),
    lane("touchpoints"),
    lane("thoughts"),
    lane("emotions"),
    lane("irritants"),
    lane("magicMoments"),
    lane("momentsOfTruth"),
  ],
  futureState: [lane("steps"), lane("touchpoints"), lane("emotions"), lane("magicMoments"), lane("ideas")],
  dayInTheLife: [lane("steps"), lane("thoughts"), lane("emotions"), lane("touchpoints")],
  serviceBlueprint: [
    lane("steps"),
    lane("touchpoints"),
    lane("backstage", "frontstage"),
    lane("backstage"),
    lane("backstage", "support"),
    lane("indicators"),
  ],
};

export const DEFAULT_MAP_TYPE: MapType = "currentState";
/** The stages a new journey of each map type starts with, unless another set is asked for. */
export const MAP_TYPE_STAGE_SET: Record<MapType, StageSetId> = {
  currentState: "fivePhases",
  futureState: "fivePhases",
  dayInTheLife: "dayParts",
  serviceBlueprint: "fivePhases",
};

/**
 * The lines a service blueprint draws between its lanes, each along the top
 * of the first lane of its preset: the line of interaction (what the
 * customer does above, the company's frontstage below), of visibility (what
 * the customer does not see below it) and of internal interaction (support
 * processes below).
 */
export const BLUEPRINT_LINES = [
  { line: "interaction", above: "frontstage" },
  { line: "visibility", above: "backstage" },
  { line: "internalInteraction", above: "support" },
] as const;
export type BlueprintLine = (typeof BLUEPRINT_LINES)[number]["line"];
