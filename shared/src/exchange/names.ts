import type { Metric } from "../model/indicators";
import type { LaneKind } from "../model/laneKinds";
import type { MapType } from "../model/mapTypes";
import type { PresetChannel } from "../model/channels";
import type { PresetDepartment } from "../model/departments";
import type { ActionStatus, Horizon, Quadrant } from "../schema/action";

/**
 * What the exports (CSV, Markdown, PDF, Mermaid) print for the keys a board
 * stores: one function per kind of key, in English for now, each the one
 * place a locale will be passed once the translation catalog is shared. A
 * department or channel someone typed is not a key and is printed as typed.
 */

const DEPARTMENTS: Record<PresetDepartment, string> = {
  sales: "Sales",
  agencies: "Agencies",
  callCentre: "Call centre",
  backOffice: "Back office",
  afterSales: "After-sales",
  digital: "Digital",
  marketing: "Marketing",
  communityManagement: "Community management",
};

const CHANNELS: Record<PresetChannel, string> = {
  shop: "Shop",
  website: "Website",
  mobileApp: "Mobile app",
  callCentre: "Call centre",
  email: "Email",
  socialMedia: "Social media",
  chatBot: "Chat-bot",
  agency: "Agency",
  afterSalesDesk: "After-sales desk",
};

const LANE_KINDS: Record<LaneKind, string> = {
  steps: "Customer steps",
  touchpoints: "Touchpoints",
  thoughts: "Thoughts",
  emotions: "Emotions",
  irritants: "Irritants",
  breakdowns: "Breakdowns",
  magicMoments: "Magic moments",
  momentsOfTruth: "Moments of truth",
  goodPractices: "Good practices",
  ideas: "Ideas",
  backstage: "Back-stage processes",
  indicators: "Indicators",
};

const METRICS: Record<Metric, string> = { nps: "NPS", csat: "CSAT", ces: "CES", churn: "Churn", custom: "Custom" };

const MAP_TYPES: Record<MapType, string> = {
  currentState: "Current journey",
  futureState: "Target journey",
  dayInTheLife: "Day in the life",
  serviceBlueprint: "Service blueprint",
};

const QUADRANTS: Record<Quadrant, string> = {
  quickWin: "Quick win",
  majorChange: "Major change",
  fillIn: "Fill-in",
  timeSink: "Time sink",
};
const HORIZONS: Record<Horizon, string> = { week: "This week", month: "This month", quarter: "This quarter" };
const STATUSES: Record<ActionStatus, string> = {
  proposed: "Proposed",
  agreed: "Agreed",
  inProgress: "In progress",
  done: "Done",
};

/** The name of a key when it is one, else the text as it is. */
const nameIn = (names: Record<string, string>, key: string): string => (Object.hasOwn(names, key) ? names[key]! : key);

export const departmentName = (department: string): string => nameIn(DEPARTMENTS, department);
export const channelName = (channel: string): string => nameIn(CHANNELS, channel);
export const laneKindName = (kind: LaneKind): string => LANE_KINDS[kind];
export const metricName = (metric: Metric): string => METRICS[metric];
export const mapTypeName = (mapType: MapType): string => MAP_TYPES[mapType];
export const quadrantName = (quadrant: Quadrant): string => QUADRANTS[quadrant];
export const horizonName = (horizon: Horizon): string => HORIZONS[horizon];
export const statusName = (status: ActionStatus): string => STATUSES[status];
