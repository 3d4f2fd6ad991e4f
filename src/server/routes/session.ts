/**
 * Signing in and out: `GET /api/session` says who is signed in (and gives
 * the CSRF token), `POST /api/session` signs in with a name and password,
 * `DELETE /api/session` signs out, and `POST /api/session/password` changes
 * the signed-in user's password, ending their other sessions.
 */
import { Hono, type Context } from "hono";
import { verifyPassword } from "../../access/passwords.js";
import { csrfTokenFor, sessionTokenHash } from "../../access/session-tokens.js";
import { SignIns } from "../../access/sign-in.js";
import { setPassword } from "../../access/users.js";
import type { SessionView } from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";
import { clearSessionCookie, sessionCookie, setSessionCookie, type CookiePolicy } from "../auth/session-cookie.js";
import { HttpError } from "../http-error.js";
import { readJsonObject, requiredString } from "../json-body.js";

/** Longer than any real name or passphrase; a longer one is refused before argon2 spends time on it. */
const MAX_FIELD_CHARS = 1024;

export function sessionRoutes(archive: ArchiveAccess, policy: CookiePolicy): Hono {
  const signIns = new SignIns(archive.access);
  const routes = new Hono();

  routes.get("/api/session", (c) => {
    const { mode, user, token } = c.get("identity");
    const view: SessionView = mode === "signed-in" ? { mode, user: user!, csrfToken: csrfTokenFor(token!) } : { mode };
    return c.json(view);
  });

  routes.post("/api/session", async (c) => {
    const { mode, from } = c.get("identity");
    if (mode === "open") throw new HttpError(409, "no-users", "this workbench has no users to sign in as; create the first with: trove user add NAME --admin");
    const body = await jsonBody(c);
    const name = requiredString(body, "name", MAX_FIELD_CHARS);
    const password = requiredString(body, "password", MAX_FIELD_CHARS);
    const previousToken = sessionCookie(c);
    const result = await signIns.signIn({ name, password, from, ...(previousToken !== undefined && { previousToken }) });
    if (result.outcome === "locked") {
      const seconds = Math.max(1, Math.ceil((result.until.getTime() - Date.now()) / 1000));
      c.header("Retry-After", String(seconds));
      throw new HttpError(429, "locked", `too many failed sign-ins; try again after ${result.until.toISOString()}`);
    }
    if (result.outcome === "refused") throw new HttpError(401, "login-failed", "the name or the password is wrong, or the account is disabled");
    setSessionCookie(c, result.token, policy);
    const view: SessionView = { mode: "signed-in", user: result.user, csrfToken: csrfTokenFor(result.token) };
    return c.json(view);
  });

  routes.delete("/api/session", (c) => {
    const { user, token, from } = c.get("identity");
    signIns.signOut(token!, user!, from);
    clearSessionCookie(c, policy);
    return c.body(null, 204);
  });

  routes.post("/api/session/password", async (c) => {
    const { user, token, from } = c.get("identity");
    if (!user) throw new HttpError(409, "no-users", "this workbench has no users; passwords are set with: trove user add NAME --admin");
    const body = await jsonBody(c);
    const currentPassword = requiredString(body, "currentPassword", MAX_FIELD_CHARS);
    const newPassword = requiredString(body, "newPassword", MAX_FIELD_CHARS);
    const credentials = archive.access.users.credentials(user.name);
    if (!(await verifyPassword(credentials?.passwordHash, currentPassword))) {
      archive.audit(c, "password-change-failed", user.name, { reason: "wrong-password" });
      throw new HttpError(403, "wrong-password", "the current password is wrong");
    }
    await setPassword(archive.access, user.name, newPassword, { actor: user.name, from }, sessionTokenHash(token!));
    return c.body(null, 204);
  });
  return routes;
}

/** Signing in is kept to JSON, which a page on another site cannot send without asking first. */
async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  if (c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase() !== "application/json") {
    throw new HttpError(415, "unsupported-media-type", "send the fields as JSON, with Content-Type: application/json");
  }
  return readJsonObject(c);
}
