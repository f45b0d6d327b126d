import { ApiFailure } from "./api";

/**
 * The server's admin token (ADMIN_TOKEN), as the person entered it on the
 * home page: kept for this tab's session only (sessionStorage), so it is
 * gone when the tab closes and never sits in the browser for good.
 */
const KEY = "journeyboard.adminToken";

export const loadAdminToken = (): string => sessionStorage.getItem(KEY) ?? "";

export function saveAdminToken(token: string): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

/** The text key of a refusal for want of the admin token (401), or null for any other failure. */
export const adminRefusal = (failure: unknown, adminToken: string): string | null =>
  failure instanceof ApiFailure && failure.status === 401
    ? adminToken
      ? "errors.admin-token-wrong"
      : "errors.admin-token-required"
    : null;
