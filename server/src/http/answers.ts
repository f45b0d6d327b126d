import type { Context } from "hono";
import type { ApiError, ApiErrorCode } from "@journeyboard/shared";

/** An error answer: a stable code for clients to word, an English message for people reading logs. */
export const apiError = (
  c: Context,
  status: 400 | 401 | 403 | 404 | 429 | 503,
  error: ApiErrorCode,
  message: string,
  more: Omit<ApiError, "error" | "message"> = {},
) => c.json<ApiError>({ error, message, ...more }, status);

/** The bearer token of a request, or its `?token=` so that a plain link works. */
export const requestToken = (c: Context): string | undefined =>
  /^Bearer (.+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? c.req.query("token");
