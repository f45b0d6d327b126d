/**
 * Departments that touch the customer. Participants pick one of these or type
 * their own; the colour marks their cursor, cards and votes.
 */
export const PRESET_DEPARTMENTS = [
  "sales",
  "agencies",
  "callCentre",
  "backOffice",
  "afterSales",
  "digital",
  "marketing",
  "communityManagement",
] as const;
export type PresetDepartment = (typeof PRESET_DEPARTMENTS)[number];

const PALETTE = [
  "#2563eb",
  "#db2777",
  "#059669",
  "#d97706",
  "#7c3aed",
  "#dc2626",
  "#0891b2",
  "#65a30d",
  "#c026d3",
  "#4b5563",
];

/** A stable colour for any department name, preset or custom. */
export function departmentColour(department: string): string {
  const presetIndex = (PRESET_DEPARTMENTS as readonly string[]).indexOf(department);
  if (presetIndex >= 0) return PALETTE[presetIndex] ?? PALETTE[0]!;
  let hash = 0;
  for (const ch of department) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
