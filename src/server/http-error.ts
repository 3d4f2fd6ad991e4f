/**
 * Errors as the HTTP API reports them: one JSON shape everywhere,
 * `{ "error": { "code": "not-found", "message": "…" } }`, with the stable
 * codes of `TroveError` and the status that fits each. A stack trace never
 * leaves the server.
 *
 * @example
 * throw new HttpError(413, "too-large", "the upload is over the 512 MiB limit");
 * // → 413 {"error":{"code":"too-large","message":"the upload is over the 512 MiB limit"}}
 */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { QuerySyntaxError, TroveError } from "../errors.js";
import type { ApiError } from "./api-types.js";

/** A failure the API answers with a chosen status; its `code` is as stable as any `TroveError`'s. */
export class HttpError extends TroveError {
  readonly status: ContentfulStatusCode;

  constructor(status: ContentfulStatusCode, code: string, message: string, options?: ErrorOptions) {
    super(code, message, options);
    this.status = status;
  }
}

/** Statuses for the codes the library's own errors carry. */
const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = {
  "not-found": 404,
  "query-syntax": 400,
  "invalid-decision": 400,
  "query-timeout": 503,
  archive: 503,
  "no-translation": 404,
  "no-cable": 404,
  "tool-failed": 502,
  "invalid-credentials": 400,
};

/** The status and JSON body for any error: a `TroveError` keeps its code and message, anything else becomes `internal`. */
export function errorResponse(error: unknown): { status: ContentfulStatusCode; body: ApiError } {
  if (error instanceof HttpError) return { status: error.status, body: { error: { code: error.code, message: error.message } } };
  if (error instanceof QuerySyntaxError) {
    return { status: 400, body: { error: { code: error.code, message: error.message, position: error.position } } };
  }
  if (error instanceof TroveError) return { status: STATUS_BY_CODE[error.code] ?? 500, body: { error: { code: error.code, message: error.message } } };
  return { status: 500, body: { error: { code: "internal", message: "the server met an unexpected failure; its log has the details" } } };
}
