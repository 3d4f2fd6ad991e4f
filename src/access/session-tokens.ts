/**
 * Session tokens and the CSRF token bound to each. The browser holds the
 * token (in an HttpOnly cookie); the archive holds only its SHA-256, and the
 * CSRF token is derived from the token, so neither a copy of the archive nor
 * a script on another site can produce either.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { StoredSession } from "../store/user-store.js";

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** …and after this long in any case: a working day, then sign in again. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

/** 32 random bytes, base64url: 256 bits that no one guesses. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sessionTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The CSRF token for a session: a different hash of the same secret, so that the stored hash does not give it away. */
export function csrfTokenFor(token: string): string {
  return createHash("sha256").update("trove csrf\0").update(token).digest("base64url");
}

export function csrfTokenMatches(token: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const expected = Buffer.from(csrfTokenFor(token));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A session is over when it has been idle or alive too long, or its user is disabled. */
export function sessionIsLive(session: StoredSession, now: Date): boolean {
  const idle = now.getTime() - Date.parse(session.lastSeenAt);
  const age = now.getTime() - Date.parse(session.createdAt);
  return !session.user.disabled && idle < SESSION_IDLE_MS && age < SESSION_ABSOLUTE_MS;
}
