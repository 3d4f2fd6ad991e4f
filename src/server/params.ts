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

/** An optional id in a query parameter (`?entity=12`): a whole number from 1, else 400, since the address itself is sound. */
export function optionalId(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const id = Number(value);
  if (!/^\d{1,15}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) throw new HttpError(400, "bad-request", `${name} must be an id: a whole number from 1`);
  return id;
}

/** An optional comma-separated list of `choices` (`?types=person,place`); repeats are dropped, order kept. */
export function listOf<T extends string>(value: string | undefined, name: string, choices: readonly T[]): T[] | undefined {
  if (value === undefined || value === "") return undefined;
  const items = value.split(",").map((item) => item.trim());
  const unknown = items.find((item) => !(choices as readonly string[]).includes(item));
  if (unknown !== undefined) throw new HttpError(400, "bad-request", `${name} takes a comma-separated list of ${choices.join(", ")}; '${unknown.slice(0, 40)}' is none of them`);
  return [...new Set(items as T[])];
}

/** An optional Gregorian date as the archive stores them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function isoDate(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === "") return undefined;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  const month = Number(match?.[2] ?? 1);
  const day = Number(match?.[3] ?? 1);
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) throw new HttpError(400, "bad-request", `${name} must be a date written YYYY, YYYY-MM or YYYY-MM-DD`);
  return value;
}
