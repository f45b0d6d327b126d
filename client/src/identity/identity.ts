import { LIMITS, departmentColour, newId, PRESET_DEPARTMENTS, type InvitedAs } from "@journeyboard/shared";

/**
 * Who this browser's person is in workshops: a display name (may stay empty
 * to remain anonymous) and a department (a preset key or their own words).
 * Remembered in this browser only.
 */
export interface Identity {
  /** Random and stable for this browser: whose emotion ratings are whose. */
  id: string;
  name: string;
  department: string;
}

const KEY = "journeyboard.identity";

export function loadIdentity(): Identity | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<Identity> | null;
    if (!value || typeof value.department !== "string" || !value.department) return null;
    return {
      id: typeof value.id === "string" && value.id ? value.id : newId(),
      name: String(value.name ?? "").slice(0, LIMITS.displayName),
      department: value.department.slice(0, LIMITS.department),
    };
  } catch {
    return null;
  }
}

/**
 * Who a personal link says this person is, under this browser's own id
 * (kept, so their ratings stay theirs across reloads). Their choice for
 * other boards is left as it was, unless they never made one.
 */
export function invitedIdentity(invite: InvitedAs): Identity {
  const own = loadIdentity();
  const identity = { id: own?.id ?? newId(), name: invite.name, department: invite.department };
  if (!own) saveIdentity(identity);
  return identity;
}

export function saveIdentity(identity: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(identity));
}

export const isPresetDepartment = (department: string): boolean =>
  (PRESET_DEPARTMENTS as readonly string[]).includes(department);

export const identityColour = (identity: Identity): string => departmentColour(identity.department);
