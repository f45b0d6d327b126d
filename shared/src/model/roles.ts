export const ROLES = ["facilitator", "participant", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const canEdit = (role: Role): boolean => role !== "viewer";
