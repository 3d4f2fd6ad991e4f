/**
 * Who may ask what. Until an archive has its first user, a loopback
 * workbench stays open to whoever sits at the machine, as it always was
 * (`trove serve` refuses a network address without an admin). From the first
 * user on, every API request needs a live session, except signing in and
 * asking whether one is signed in.
 *
 * Cross-site request forgery, in both modes: a request that changes anything
 * must come from the workbench's own pages. Signed in, it must carry the
 * session's CSRF token in `X-CSRF-Token` (a page elsewhere can make the
 * browser send the cookie, never read the token), and Sec-Fetch-Site, where
 * the browser sends it, must be same-origin. Open, there is no session to
 * bind a token to: a change must be JSON (which another site cannot send
 * without a preflight this server never grants) or carry this server's own
 * Origin. The host guard has already refused a foreign Origin.
 */
import type { MiddlewareHandler } from "hono";
import { localLogin } from "../../access/local-login.js";
import { csrfTokenMatches, sessionIsLive, sessionTokenHash } from "../../access/session-tokens.js";
import type { ArchiveAccess } from "../archive-access.js";
import { HttpError } from "../http-error.js";
import { clientAddress, type Identity } from "./identity.js";
import { clearSessionCookie, sessionCookie, type CookiePolicy } from "./session-cookie.js";

export const CSRF_HEADER = "X-CSRF-Token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Recording every request's time would write on every read; a minute is as fine as idle expiry needs. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export function accessGuard(archive: ArchiveAccess, policy: CookiePolicy): MiddlewareHandler {
  const localActor = localLogin();
  return async (c, next) => {
    const from = clientAddress(c, policy.trustProxy);
    const changes = !SAFE_METHODS.has(c.req.method);
    const users = archive.access.users;
    if (!users.hasUsers()) {
      if (changes && !isJson(c.req.header("Content-Type")) && c.req.header("Origin") !== new URL(c.req.url).origin) {
        throw new HttpError(403, "forbidden-origin", "requests that change the archive are accepted from the workbench's own pages only: send JSON, or the page's own Origin header");
      }
      c.set("identity", { mode: "open", actor: localActor, from });
      return next();
    }

    const now = new Date();
    const token = sessionCookie(c);
    const session = token === undefined ? undefined : users.findSession(sessionTokenHash(token));
    const live = session !== undefined && sessionIsLive(session, now);
    if (session && !live) {
      users.deleteSession(session.tokenHash);
      clearSessionCookie(c, policy);
    }
    const identity: Identity = live && token !== undefined
      ? { mode: "signed-in", user: session.user, token, actor: session.user.name, from }
      : { mode: "signed-out", actor: "anonymous", from };
    c.set("identity", identity);

    const signingIn = c.req.path === "/api/session" && (c.req.method === "POST" || c.req.method === "GET");
    if (identity.mode === "signed-out" && !signingIn) throw new HttpError(401, "unauthenticated", "sign in first: this archive is shared, and every request needs a session");
    if (changes) {
      const site = c.req.header("Sec-Fetch-Site");
      if (site !== undefined && site !== "same-origin") throw new HttpError(403, "forbidden-origin", "requests that change the archive are accepted from the workbench's own pages only");
      // Signing in has no session yet; it is kept to JSON, which another site cannot send.
      if (!signingIn && !csrfTokenMatches(identity.token!, c.req.header(CSRF_HEADER))) {
        throw new HttpError(403, "csrf", `the ${CSRF_HEADER} header is missing or wrong; GET /api/session gives the session's token`);
      }
    }
    if (live && now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_INTERVAL_MS) users.touchSession(session.tokenHash, now.toISOString());
    return next();
  };
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(";")[0]?.trim().toLowerCase() === "application/json";
}
