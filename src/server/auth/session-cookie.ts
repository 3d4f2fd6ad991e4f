/**
 * The session cookie: `trove_session`, HttpOnly (no script reads it, so an
 * injected one cannot steal it), SameSite=Strict (no other site's page sends
 * it), Path=/, and Secure where it can be.
 *
 * Secure only where the page itself came over HTTPS (or the operator says it
 * did, with --secure-cookies, behind a TLS proxy): browsers drop a Secure
 * cookie set over plain HTTP, and a workbench on http://127.0.0.1 would then
 * never stay signed in. On loopback the cookie never crosses a network.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { SESSION_ABSOLUTE_MS } from "../../access/session-tokens.js";

export const SESSION_COOKIE = "trove_session";

export interface CookiePolicy {
  /** Always mark the cookie Secure (the server is behind a TLS proxy). */
  secureCookies: boolean;
  /** Believe X-Forwarded-Proto from the proxy in front. */
  trustProxy: boolean;
}

export function sessionCookie(c: Context): string | undefined {
  const token = getCookie(c, SESSION_COOKIE);
  return token === undefined || token === "" ? undefined : token;
}

export function setSessionCookie(c: Context, token: string, policy: CookiePolicy): void {
  setCookie(c, SESSION_COOKIE, token, { path: "/", httpOnly: true, sameSite: "Strict", secure: servedSecurely(c, policy), maxAge: SESSION_ABSOLUTE_MS / 1000 });
}

export function clearSessionCookie(c: Context, policy: CookiePolicy): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Strict", secure: servedSecurely(c, policy) });
}

function servedSecurely(c: Context, policy: CookiePolicy): boolean {
  if (policy.secureCookies || new URL(c.req.url).protocol === "https:") return true;
  return policy.trustProxy && c.req.header("X-Forwarded-Proto")?.split(",")[0]?.trim() === "https";
}
