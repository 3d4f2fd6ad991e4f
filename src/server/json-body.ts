/**
 * Reading the JSON body of a request that changes the archive. Only
 * `application/json` is accepted (a page elsewhere cannot send that type
 * without the browser asking the server first), and only a small body; each
 * field is checked on its own, every failure a `bad-request` naming the field.
 *
 * @example
 * const body = await jsonBody(c.req.raw);
 * onlyFields(body, ["note", "reason"]);
 * const note = optionalString(body, "note", 2000);
 */
import type { Context, MiddlewareHandler } from "hono";
import { HttpError } from "./http-error.js";

/** No note, tag list, saved query or decision comes near this. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export type JsonObject = Record<string, unknown>;

/** The body as a JSON object: 415 unless declared JSON, 413 when too large, 400 when not an object. */
export async function jsonBody(request: Request): Promise<JsonObject> {
  requireJsonType(request.headers.get("Content-Type") ?? undefined);
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_JSON_BODY_BYTES) throw tooLarge();
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_JSON_BODY_BYTES) throw tooLarge();
  if (bytes.byteLength === 0) return {};
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new HttpError(400, "bad-request", "the body is not JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new HttpError(400, "bad-request", "the body must be a JSON object");
  return body as JsonObject;
}

/** `jsonBody` of a route's request. */
export function readJsonObject(c: Context): Promise<JsonObject> {
  return jsonBody(c.req.raw);
}

/**
 * Refuses a state-changing request not declared JSON, body or none: a
 * DELETE must say `Content-Type: application/json` too, for the same reason.
 */
export function requireJsonContentType(): MiddlewareHandler {
  return async (c, next) => {
    if (!["GET", "HEAD", "OPTIONS"].includes(c.req.method)) requireJsonType(c.req.header("Content-Type"));
    await next();
  };
}

/** Refuses fields the route does not know, so that a misspelt one is not silently ignored. */
export function onlyFields(body: JsonObject, known: readonly string[]): void {
  const unknown = Object.keys(body).find((name) => !known.includes(name));
  if (unknown !== undefined) throw new HttpError(400, "bad-request", `unknown field '${unknown.slice(0, 40)}'; the fields are ${known.join(", ")}`);
}

export function optionalString(body: JsonObject, name: string, maxChars: number): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new HttpError(400, "bad-request", `${name} must be a string`);
  if (value.length > maxChars) throw new HttpError(400, "bad-request", `${name} is longer than ${maxChars} characters`);
  return value;
}

export function requiredString(body: JsonObject, name: string, maxChars: number): string {
  const value = optionalString(body, name, maxChars);
  if (value === undefined) throw new HttpError(400, "bad-request", `${name} is missing`);
  return value;
}

/** A whole number from `min`, or undefined when absent. */
export function optionalWholeNumber(body: JsonObject, name: string, min: number): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) throw new HttpError(400, "bad-request", `${name} must be a whole number from ${min}`);
  return value;
}

export function optionalChoice<T extends string>(body: JsonObject, name: string, choices: readonly T[]): T | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) throw new HttpError(400, "bad-request", `${name} must be one of ${choices.join(", ")}`);
  return value as T;
}

/** A list of strings, at most `maxItems` of at most `maxChars` each, or undefined when absent. */
export function optionalStrings(body: JsonObject, name: string, maxItems: number, maxChars: number): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) throw new HttpError(400, "bad-request", `${name} must be an array of strings`);
  if (value.length > maxItems) throw new HttpError(400, "bad-request", `${name} holds at most ${maxItems} items`);
  if ((value as string[]).some((item) => item.length > maxChars)) throw new HttpError(400, "bad-request", `each of ${name} is at most ${maxChars} characters`);
  return value as string[];
}

function requireJsonType(contentType: string | undefined): void {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new HttpError(415, "unsupported-media-type", "send requests that change the archive with Content-Type: application/json");
}

function tooLarge(): HttpError {
  return new HttpError(413, "too-large", `the body is over ${MAX_JSON_BODY_BYTES} bytes`);
}
