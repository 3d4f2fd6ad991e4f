import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { csrfTokenFor, csrfTokenMatches, newSessionToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionIsLive, sessionTokenHash } from "../../src/access/session-tokens.js";
import type { StoredSession } from "../../src/store/user-store.js";

const user = { id: 1, name: "desk.editor", role: "admin" as const, disabled: false, createdAt: "2024-03-01T00:00:00.000Z", lastLoginAt: null };
const start = Date.parse("2024-03-01T08:00:00.000Z");

function session(createdMinutesAgo: number, seenMinutesAgo: number, now: number, disabled = false): StoredSession {
  return { tokenHash: "h", user: { ...user, disabled }, createdAt: new Date(now - createdMinutesAgo * 60_000).toISOString(), lastSeenAt: new Date(now - seenMinutesAgo * 60_000).toISOString(), from: "127.0.0.1" };
}

describe("session tokens", () => {
  it("are 256 random bits, stored only as a hash, with a CSRF token that the stored hash does not give away", () => {
    const token = newSessionToken();
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(newSessionToken(), token);
    assert.notEqual(sessionTokenHash(token), token);
    assert.notEqual(csrfTokenFor(token), sessionTokenHash(token));
    assert.equal(csrfTokenMatches(token, csrfTokenFor(token)), true);
    assert.equal(csrfTokenMatches(token, csrfTokenFor(newSessionToken())), false);
    assert.equal(csrfTokenMatches(token, undefined), false);
  });

  it("end after idling too long, after living too long, or when the user is disabled", () => {
    const idleMinutes = SESSION_IDLE_MS / 60_000;
    const absoluteMinutes = SESSION_ABSOLUTE_MS / 60_000;
    const now = new Date(start + SESSION_ABSOLUTE_MS * 2);
    assert.equal(sessionIsLive(session(10, 1, now.getTime()), now), true);
    assert.equal(sessionIsLive(session(idleMinutes + 5, idleMinutes + 1, now.getTime()), now), false);
    assert.equal(sessionIsLive(session(absoluteMinutes + 1, 1, now.getTime()), now), false);
    assert.equal(sessionIsLive(session(10, 1, now.getTime(), true), now), false);
  });
});
