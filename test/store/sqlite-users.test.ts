import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { auditHash, verifyAuditChain } from "../../src/store/audit-chain.js";
import { lockedUntil, LOCKOUT_MS, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_NAME } from "../../src/access/login-limits.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../helpers/temp-dir.js";

function freshStore(): SqliteStore {
  return SqliteStore.open(path.join(tempDir(), "archive.db"));
}

function appendEntries(store: SqliteStore, count: number): void {
  for (let index = 1; index <= count; index++) {
    store.users.appendAudit({ at: `2024-03-0${index}T10:00:00.000Z`, actor: "desk.editor", action: "search", target: `query ${index}`, detail: { total: index }, from: "127.0.0.1" });
  }
}

/** Runs `sql` as someone holding the file would: with the append-only triggers dropped, then put back. */
function tamper(file: string, sql: string): void {
  const database = new Database(file);
  const triggers = database.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'audit_head')").pluck().all() as string[];
  database.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_append_at_end; DROP TRIGGER audit_head_no_delete; DROP TRIGGER audit_head_forward_only;");
  database.exec(sql);
  for (const trigger of triggers) database.exec(trigger);
  database.close();
}

describe("the SQLite user store", () => {
  it("adds users with unique names regardless of case, and lists them", () => {
    const store = freshStore();
    const admin = store.users.addUser({ name: "Desk.Editor", role: "admin", passwordHash: "$argon2id$x" });
    store.users.addUser({ name: "partner", role: "member", passwordHash: "$argon2id$y" });
    assert.deepEqual({ ...admin, createdAt: "" }, { id: admin.id, name: "Desk.Editor", role: "admin", disabled: false, createdAt: "", lastLoginAt: null });
    assert.throws(() => store.users.addUser({ name: "desk.editor", role: "member", passwordHash: "z" }), { code: "invalid-decision" });
    assert.equal(store.users.credentials("DESK.EDITOR")?.passwordHash, "$argon2id$x");
    assert.equal(store.users.credentials("nobody"), undefined);
    assert.deepEqual(store.users.listUsers().map((user) => user.name), ["Desk.Editor", "partner"]);
    assert.equal(store.users.hasUsers(), true);
    assert.equal(store.users.hasActiveAdmin(), true);
    store.close();
  });

  it("keeps sessions by token hash, and ends them when a user is disabled or a password is replaced", () => {
    const store = freshStore();
    const user = store.users.addUser({ name: "reporter", role: "admin", passwordHash: "h" });
    for (const tokenHash of ["a", "b", "c"]) store.users.addSession({ tokenHash, userId: user.id, at: "2024-03-01T10:00:00.000Z", from: "10.0.0.5" });
    assert.equal(store.users.findSession("a")?.user.name, "reporter");
    store.users.setPasswordHash("reporter", "h2", "b");
    assert.equal(store.users.findSession("a"), undefined);
    assert.equal(store.users.findSession("b")?.from, "10.0.0.5");
    assert.equal(store.users.credentials("reporter")?.passwordHash, "h2");
    store.users.disableUser("reporter");
    assert.equal(store.users.findSession("b"), undefined);
    assert.equal(store.users.credentials("reporter")?.user.disabled, true);
    assert.equal(store.users.hasActiveAdmin(), false);
    assert.throws(() => store.users.disableUser("nobody"), { code: "not-found" });
    store.close();
  });

  it("locks a name after five failures within fifteen minutes, for fifteen minutes from the fifth, and forgets failures before a success", () => {
    const store = freshStore();
    const start = Date.parse("2024-03-01T10:00:00.000Z");
    const at = (minutes: number) => new Date(start + minutes * 60_000);
    const fail = (name: string, from: string, minutes: number) => store.users.recordLoginAttempt({ name, from, at: at(minutes).toISOString(), succeeded: false });
    for (let minute = 0; minute < MAX_FAILURES_PER_NAME - 1; minute++) fail("reporter", `10.0.0.${minute}`, minute);
    assert.equal(lockedUntil(store.users, "reporter", "10.0.0.99", at(5)), undefined);
    fail("Reporter", "10.0.0.50", 5);
    assert.deepEqual(lockedUntil(store.users, "reporter", "10.0.0.99", at(6)), new Date(at(5).getTime() + LOCKOUT_MS));
    assert.equal(lockedUntil(store.users, "reporter", "10.0.0.99", at(21)), undefined);
    store.users.recordLoginAttempt({ name: "reporter", from: "10.0.0.1", at: at(22).toISOString(), succeeded: true });
    fail("reporter", "10.0.0.1", 23);
    assert.equal(lockedUntil(store.users, "reporter", "10.0.0.1", at(24)), undefined);

    for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS; attempt++) fail(`guess${attempt}`, "192.0.2.1", 30);
    assert.ok(lockedUntil(store.users, "someone-else", "192.0.2.1", at(31)));
    assert.equal(lockedUntil(store.users, "someone-else", "192.0.2.2", at(31)), undefined);
    store.close();
  });

  it("chains the audit trail, and refuses to change or remove an entry or to append anywhere but the end", () => {
    const store = freshStore();
    appendEntries(store, 3);
    const events = [...store.users.auditEvents()];
    assert.deepEqual(events.map((event) => event.seq), [1, 2, 3]);
    assert.equal(events[1]!.previousHash, events[0]!.hash);
    assert.deepEqual(events[2]!.detail, { total: 3 });
    assert.deepEqual(store.users.auditHead(), { seq: 3, hash: events[2]!.hash });
    assert.deepEqual([...store.users.auditEvents({ since: "2024-03-02" })].map((event) => event.seq), [2, 3]);
    const database = store.database;
    assert.throws(() => database.prepare("UPDATE audit_log SET target = 'other' WHERE seq = 2").run(), /append-only/);
    assert.throws(() => database.prepare("DELETE FROM audit_log WHERE seq = 3").run(), /append-only/);
    assert.throws(() => database.prepare("DELETE FROM audit_head").run(), /append-only/);
    assert.throws(() => database.prepare("INSERT INTO audit_log (seq, at, actor, action, target, from_address, previous_hash, hash) VALUES (9, 'x', 'x', 'x', 'x', 'x', 'x', 'x')").run(), /end of the chain/);
    assert.throws(() => database.prepare("UPDATE audit_head SET seq = 2").run(), /newly appended/);
    assert.equal(verifyAuditChain(store.users.auditEvents(), store.users.auditHead()).ok, true);
    store.close();
  });

  it("verification names an edited entry, one deleted from the middle or the end, and a head that does not match", () => {
    const cases: { sql: string; seq: number; problem: string }[] = [
      { sql: "UPDATE audit_log SET target = 'an innocent query' WHERE seq = 2", seq: 2, problem: "edited" },
      { sql: "DELETE FROM audit_log WHERE seq = 2", seq: 2, problem: "missing" },
      { sql: "DELETE FROM audit_log WHERE seq = 4", seq: 4, problem: "missing" },
      { sql: "UPDATE audit_head SET seq = 5", seq: 5, problem: "missing" },
      { sql: `UPDATE audit_head SET hash = '${"f".repeat(64)}'`, seq: 4, problem: "head-mismatch" },
    ];
    for (const { sql, seq, problem } of cases) {
      const store = freshStore();
      appendEntries(store, 4);
      store.close();
      tamper(store.location, sql);
      const reopened = SqliteStore.open(store.location, { readonly: true });
      const result = verifyAuditChain(reopened.users.auditEvents(), reopened.users.auditHead());
      reopened.close();
      assert.equal(result.ok, false, sql);
      assert.equal(result.broken?.seq, seq, sql);
      assert.equal(result.broken?.problem, problem, sql);
    }
  });

  it("catches a chain rewritten whole only against an anchor kept elsewhere", () => {
    const store = freshStore();
    appendEntries(store, 3);
    const anchor = store.users.auditHead()!;
    store.close();
    // Rewrite entry 2 and re-hash everything after it, head included: the chain verifies again on its own.
    const database = new Database(store.location);
    const rows = database.prepare("SELECT seq, at, actor, action, target, detail, from_address AS \"from\", previous_hash AS previousHash FROM audit_log ORDER BY seq").all() as { seq: number; at: string; actor: string; action: string; target: string; detail: string; from: string; previousHash: string }[];
    database.close();
    let previous = rows[0]!.previousHash;
    const statements: string[] = [];
    for (const row of rows) {
      const target = row.seq === 2 ? "an innocent query" : row.target;
      const hash = auditHash(previous, { ...row, target, detail: JSON.parse(row.detail) as Record<string, unknown> });
      statements.push(`UPDATE audit_log SET target = '${target}', previous_hash = '${previous}', hash = '${hash}' WHERE seq = ${row.seq};`);
      previous = hash;
    }
    statements.push(`UPDATE audit_head SET hash = '${previous}';`);
    tamper(store.location, statements.join("\n"));
    const reopened = SqliteStore.open(store.location, { readonly: true });
    assert.equal(verifyAuditChain(reopened.users.auditEvents(), reopened.users.auditHead()).ok, true);
    const anchored = verifyAuditChain(reopened.users.auditEvents(), reopened.users.auditHead(), anchor);
    reopened.close();
    assert.equal(anchored.ok, false);
    assert.equal(anchored.broken?.problem, "anchor-mismatch");
    assert.equal(anchored.broken?.seq, 3);
  });
});
