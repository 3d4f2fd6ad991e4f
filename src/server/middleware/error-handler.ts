/**
 * One JSON error shape for every failure, and nothing of the server's
 * insides in it: unexpected errors are logged in full on the server and
 * answered with a generic `internal` error.
 */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { errorResponse, HttpError } from "../http-error.js";

export type ErrorLog = (error: unknown, context: Context) => void;

/** Logs failures that are not the client's doing (status 500 and up) to stderr, with their stack. */
export const logServerErrors: ErrorLog = (error, context) => {
  if (errorResponse(error).status < 500) return;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`trove serve: ${context.req.method} ${context.req.path} failed: ${detail}\n`);
};

export function handleErrors(log: ErrorLog = logServerErrors): ErrorHandler {
  return (error, c) => {
    log(error, c);
    const { status, body } = errorResponse(error);
    return c.json(body, status);
  };
}

/** Unknown routes: under `/api/` the JSON error; elsewhere too, since every screen path is answered before this. */
export const handleNotFound: NotFoundHandler = (c) => {
  const { status, body } = errorResponse(new HttpError(404, "not-found", `no such resource: ${c.req.method} ${c.req.path}; the API is described at /api/openapi.json`));
  return c.json(body, status);
};
