/**
 * Signing in and out, described as OpenAPI 3.1 (see openapi.ts, which
 * gathers it into the one document the app serves), with the security
 * scheme every other operation falls under once an archive has users.
 */
import { ROLES } from "../model/user.js";
import { CSRF_HEADER } from "./auth/access-guard.js";
import { SESSION_COOKIE } from "./auth/session-cookie.js";
import { ref, json, error, object, string, jsonRequest } from "./openapi-schema.js";

const csrf = { name: CSRF_HEADER, in: "header", required: true, description: "The session's CSRF token, as `GET /api/session` gives it.", schema: string };

export const SESSION_PATHS = {
  "/api/session": {
    get: {
      operationId: "session",
      summary: "Whether this workbench asks for a sign-in (`open`: it has no users), who is signed in, and the session's CSRF token.",
      responses: { 200: json("The session.", ref("SessionView")) },
    },
    post: {
      operationId: "signIn",
      summary: `Sign in with a name and password: sets the \`${SESSION_COOKIE}\` cookie (HttpOnly, SameSite=Strict) to a new session, ending any session the client held before.`,
      requestBody: jsonRequest(object({ name: string, password: string }, ["name", "password"])),
      responses: {
        200: json("Signed in.", ref("SessionView")),
        401: error("The name or the password is wrong, or the account is disabled (`login-failed`)."),
        409: error("The workbench has no users to sign in as (`no-users`)."),
        415: error("Not JSON (`unsupported-media-type`)."),
        429: error("Too many failed sign-ins for this name or from this address (`locked`); `Retry-After` says when to try again."),
      },
    },
    delete: {
      operationId: "signOut",
      summary: "Sign out: the session ends on the server and the cookie is cleared.",
      parameters: [csrf],
      responses: { 204: { description: "Signed out." }, 401: error("Not signed in (`unauthenticated`)."), 403: error("Without the CSRF token (`csrf`).") },
    },
  },
  "/api/session/password": {
    post: {
      operationId: "changePassword",
      summary: "Change the signed-in user's password, giving the current one; every other session of the user ends.",
      parameters: [csrf],
      requestBody: jsonRequest(object({ currentPassword: string, newPassword: { type: "string", minLength: 12 } }, ["currentPassword", "newPassword"])),
      responses: {
        204: { description: "Changed." },
        400: error("The new password is too weak (`invalid-credentials`)."),
        401: error("Not signed in (`unauthenticated`)."),
        403: error("The current password is wrong (`wrong-password`), or the CSRF token is missing (`csrf`)."),
      },
    },
  },
};

export const SESSION_SCHEMAS = {
  User: object(
    { id: { type: "integer" }, name: string, role: { enum: [...ROLES] }, disabled: { type: "boolean" }, createdAt: string, lastLoginAt: { type: ["string", "null"] } },
    ["id", "name", "role", "disabled", "createdAt", "lastLoginAt"],
  ),
  SessionView: object(
    { mode: { enum: ["open", "signed-out", "signed-in"] }, user: ref("User"), csrfToken: { type: "string", description: `Send it in \`${CSRF_HEADER}\` with every request that changes something.` } },
    ["mode"],
  ),
};
