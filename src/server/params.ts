/** Reading path and query parameters, with the API's errors for bad ones. */
import { NotFoundError } from "../errors.js";
import { HttpError } from "./http-error.js";

/** A document id from a path: a whole number, else the same `not-found` the CLI gives. */
export function documentId(value: string): number {
  const id = Number(value);
  if (!/^\d{1,15}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) {
    throw new NotFoundError(`'${value.slice(0, 40)}' is not a document id; ids are whole numbers, as a search lists them`);
  }
  return id;
}

/** An entity id from a path: a whole number, else the same `not-found` the CLI gives. */
export function entityId(value: string): number {
  const id = Number(value);
  if (!/^\d{1,15}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) {
    throw new NotFoundError(`'${value.slice(0, 40)}' is not an entity id; ids are whole numbers, as /api/entities lists them`);
  }
  return id;
}

/** A query parameter that must be there and not be empty, at most `maxChars` long. */
export function requiredText(value: string | undefined, name: string, example: string, maxChars: number): string {
  if (value === undefined || value.trim() === "") throw new HttpError(400, "bad-request", `the query parameter ${name} is missing: ${example}`);
  if (value.length > maxChars) throw new HttpError(400, "bad-request", `${name} is longer than ${maxChars} characters`);
  return value;
}

/** An optional whole-number query parameter between 0 (or `min`) and `max`. */
export function wholeNumber(value: string | undefined, name: string, fallback: number, max: number, min = 0): number {
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  if (!/^\d{1,16}$/.test(value) || !Number.isSafeInteger(number) || number < min || number > max) {
    throw new HttpError(400, "bad-request", `${name} must be a whole number from ${min} to ${max}`);
  }
  return number;
}

/** An optional query parameter that must be one of `choices`. */
export function oneOf<T extends string>(value: string | undefined, name: string, choices: readonly T[], fallback: T): T {
  if (value === undefined || value === "") return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new HttpError(400, "bad-request", `${name} must be one of ${choices.join(", ")}`);
  return value as T;
}
