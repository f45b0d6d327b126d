import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { fileProblem, type ApiError, type ApiErrorCode, type FileProblem } from "@journeyboard/shared";

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

/** A refused board file: its problem and field for the client to word, its message for other tools. */
export const fileError = (c: Context, { problem, field, message }: FileProblem) =>
  apiError(c, 400, "invalid-file", message, { problem, field });

/**
 * A cap on a request's body that answers like any other bad body (the
 * documented 400 in JSON, naming the limit) instead of the middleware's own
 * 413 in plain text.
 */
export const limitBody = (maxSize: number, error: "invalid-request" | "invalid-file", message: string) =>
  bodyLimit({
    maxSize,
    onError: (c) =>
      error === "invalid-file"
        ? fileError(c, fileProblem("tooLarge", "file", message))
        : apiError(c, 400, error, `body: ${message}`, { field: "body" }),
  });
