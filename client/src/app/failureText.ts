import { API_ERRORS, type ApiErrorCode } from "@journeyboard/shared";
import { ApiFailure } from "./api";

/** A sentence of the catalogs and what it takes. */
export interface Worded {
  key: string;
  values?: Record<string, string | number>;
}

const isApiErrorCode = (code: string): code is ApiErrorCode => (API_ERRORS as readonly string[]).includes(code);

/**
 * What a person reads when a call to the server fails, in their language:
 * the server answers with a code (and the field or wait it names), never
 * with a sentence to show.
 */
export function failureText(failure: unknown): Worded {
  if (!(failure instanceof ApiFailure)) return { key: "errors.unknown" };
  const { problem, field, retryAfter } = failure.details;
  if (failure.code === "invalid-file" && problem)
    return { key: `errors.file.${problem}`, values: { field: field ?? "" } };
  if (failure.code === "too-many-requests")
    return { key: "errors.too-many-requests", values: { count: retryAfter ?? 0 } };
  if (failure.code === "network" || isApiErrorCode(failure.code)) return { key: `errors.${failure.code}` };
  return { key: "errors.unknown" };
}
