import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { verifyAuditChain } from "../../../src/store/audit-chain.js";
import { MAX_FAILURES_PER_NAME } from "../../../src/access/login-limits.js";
import { disableUser } from "../../../src/access/users.js";
import type { SessionView } from "../../../src/server/api-types.js";
import type { RunningServer } from "../../../src/server/server.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { Client, errorCode, PASSWORDS, sharedArchive, startShared } from "./shared-workbench.js";

describe("a shared workbench: sign-in, sessions and CSRF", () => {
  let archive: string;
  let server: RunningServer;
  const client = () => new Client(server.url);

  before(async () => {
    archive = await sharedArchive();
    server = await startShared(archive);
  });
  after(() => server.close());

  it("asks for a session on every API route except signing in", async () => {
    const anonymous = client();
    for (const route of ["/api/stats", "/api/search?q=karbala", "/api/documents/1", "/api/openapi.json"]) {
      const response = await anonymous.request(route);
      assert.equal(response.status, 401, route);
      assert.equal(await errorCode(response), "unauthenticated");
    }
    assert.deepEqual(await (await anonymous.request("/api/session")).json(), { mode: "signed-out" });
  });

  it("signs in with the right password: a new HttpOnly, SameSite=Strict cookie, not Secure over plain HTTP, and the session's CSRF token", async () => {
    const browser = client();
    const response = await browser.signIn("desk.editor");
    assert.equal(response.status, 200);
    const [cookie] = browser.lastSetCookie;
    assert.match(cookie!, /^trove_session=[A-Za-z0-9_-]{43};/);
    assert.match(cookie!, /; HttpOnly/);
    assert.match(cookie!, /; SameSite=Strict/);
    assert.match(cookie!, /; Path=\//);
    assert.doesNotMatch(cookie!, /; Secure/);
    const session = (await (await browser.request("/api/session")).json()) as SessionView;
    assert.equal(session.mode, "signed-in");
    assert.equal(session.mode === "signed-in" && session.user.name, "desk.editor");
    assert.equal(session.mode === "signed-in" && session.csrfToken, browser.csrfToken);
    assert.equal((await browser.request("/api/stats")).status, 200);
  });

  it("refuses a wrong password and an unknown name alike", async () => {
    const wrong = await client().signIn("partner", "not the password at all");
    const unknown = await client().signIn("no.such.person", "not the password at all");
    for (const response of [wrong, unknown]) {
      assert.equal(response.status, 401);
      assert.equal(await errorCode(response), "login-failed");
    }
  });

  it(`locks a name after ${MAX_FAILURES_PER_NAME} failures: even the right password is then refused, with Retry-After`, async () => {
    for (let attempt = 0; attempt < MAX_FAILURES_PER_NAME; attempt++) assert.equal((await client().signIn("target", `wrong guess ${attempt}`)).status, 401);
    const locked = await client().signIn("target", PASSWORDS.target);
    assert.equal(locked.status, 429);
    assert.equal(await errorCode(locked), "locked");
    assert.ok(Number(locked.headers.get("Retry-After")) > 0);
    assert.equal((await client().signIn("partner")).status, 200);
  });

  it("never keeps a token the client held before signing in (session fixation)", async () => {
    const first = client();
    await first.signIn("partner");
    const planted = first.cookie!;
    const victim = client();
    victim.cookie = planted;
    await victim.signIn("desk.editor");
    assert.notEqual(victim.cookie, planted);
    const attacker = client();
    attacker.cookie = planted;
    assert.equal((await attacker.request("/api/stats")).status, 401);
    assert.equal((await victim.request("/api/stats")).status, 200);
  });

  it("refuses a change without the session's CSRF token, with a wrong one, or from a sibling site", async () => {
    const browser = client();
    await browser.signIn("partner");
    const missing = await browser.request("/api/session", { method: "DELETE", csrf: false });
    assert.equal(missing.status, 403);
    assert.equal(await errorCode(missing), "csrf");
    const wrong = await browser.request("/api/session", { method: "DELETE", csrf: false, headers: { "X-CSRF-Token": "A".repeat(43) } });
    assert.equal(wrong.status, 403);
    assert.equal(await errorCode(wrong), "csrf");
    const otherSession = client();
    await otherSession.signIn("partner");
    const borrowed = await browser.request("/api/session", { method: "DELETE", csrf: false, headers: { "X-CSRF-Token": otherSession.csrfToken! } });
    assert.equal(borrowed.status, 403);
    const sibling = await browser.request("/api/session", { method: "DELETE", headers: { "Sec-Fetch-Site": "same-site" } });
    assert.equal(sibling.status, 403);
    assert.equal(await errorCode(sibling), "forbidden-origin");
    const upload = await browser.request("/api/uploads", { method: "POST", body: "--x--\r\n", csrf: false, headers: { "Content-Type": "multipart/form-data; boundary=x" } });
    assert.equal(upload.status, 403);
    assert.equal((await browser.request("/api/stats")).status, 200);
  });

  it("signs out: the session ends on the server, so the old cookie opens nothing", async () => {
    const browser = client();
    await browser.signIn("partner");
    const kept = browser.cookie!;
    const response = await browser.request("/api/session", { method: "DELETE" });
    assert.equal(response.status, 204);
    assert.match(browser.lastSetCookie[0]!, /^trove_session=;/);
    const replay = client();
    replay.cookie = kept;
    assert.equal((await replay.request("/api/stats")).status, 401);
  });

  it("changes a password only with the current one, and ends the user's other sessions", async () => {
    const laptop = client();
    const phone = client();
    await laptop.signIn("leaver");
    await phone.signIn("leaver");
    const change = (currentPassword: string, newPassword: string) => laptop.request("/api/session/password", { method: "POST", body: { currentPassword, newPassword } });
    const wrongCurrent = await change("a wrong current password", "a brand new passphrase here");
    assert.equal(wrongCurrent.status, 403);
    assert.equal(await errorCode(wrongCurrent), "wrong-password");
    const weak = await change(PASSWORDS.leaver!, "short");
    assert.equal(weak.status, 400);
    assert.equal(await errorCode(weak), "invalid-credentials");
    assert.equal((await change(PASSWORDS.leaver!, "a brand new passphrase here")).status, 204);
    assert.equal((await laptop.request("/api/stats")).status, 200);
    assert.equal((await phone.request("/api/stats")).status, 401);
    assert.equal((await client().signIn("leaver")).status, 401);
    assert.equal((await client().signIn("leaver", "a brand new passphrase here")).status, 200);
  });

  it("refuses a disabled user, and ends the sessions they had", async () => {
    const browser = client();
    await browser.signIn("partner");
    const store = SqliteStore.open(archive);
    try {
      disableUser(store, "partner", { actor: "desk.editor", from: "cli" });
    } finally {
      store.close();
    }
    assert.equal((await browser.request("/api/stats")).status, 401);
    const again = await client().signIn("partner");
    assert.equal(again.status, 401);
    assert.equal(await errorCode(again), "login-failed");
  });

  it("records sign-ins, searches and document views: who, what, when and from where, in a chain that verifies", async () => {
    const browser = client();
    await browser.signIn("desk.editor");
    assert.equal((await browser.request("/api/search?q=karbala")).status, 200);
    assert.equal((await browser.request("/api/documents/1")).status, 200);
    const store = SqliteStore.open(archive, { readonly: true });
    try {
      const events = [...store.users.auditEvents()];
      const find = (action: string, target: string) => [...events].reverse().find((event) => event.action === action && event.target === target);
      assert.deepEqual(pick(find("search", "karbala")), { actor: "desk.editor", from: "127.0.0.1" });
      assert.deepEqual(pick(find("document-view", "1")), { actor: "desk.editor", from: "127.0.0.1" });
      assert.deepEqual(pick(find("login", "desk.editor")), { actor: "desk.editor", from: "127.0.0.1" });
      assert.deepEqual(find("login-failed", "no.such.person")?.detail, { reason: "unknown-user" });
      assert.ok(find("login-refused", "target"));
      assert.ok(find("password-change", "leaver"));
      assert.ok(find("logout", "partner"));
      assert.ok(find("user-disable", "partner"));
      assert.equal(verifyAuditChain(store.users.auditEvents(), store.users.auditHead()).ok, true);
    } finally {
      store.close();
    }
  });

  it("marks the cookie Secure when told the server is behind TLS", async () => {
    const behindTls = await startShared(archive, { secureCookies: true });
    try {
      const browser = new Client(behindTls.url);
      assert.equal((await browser.signIn("desk.editor")).status, 200);
      assert.match(browser.lastSetCookie[0]!, /; Secure/);
    } finally {
      await behindTls.close();
    }
  });
});

function pick(event: { actor: string; from: string } | undefined): { actor: string; from: string } | undefined {
  return event && { actor: event.actor, from: event.from };
}
