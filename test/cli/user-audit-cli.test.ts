import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import Database from "better-sqlite3";
import type { AuditVerification } from "../../src/store/audit-chain.js";
import type { AuditEvent, User } from "../../src/model/user.js";
import { tempDir } from "../helpers/temp-dir.js";

const MAIN = pathToFileURL(path.resolve("src/cli/main.ts")).href;

/** Runs the real command line, from source, in its own process, as a reporter whose login is `desk`. */
function trove(args: string[], input?: string) {
  const script = `import { main } from ${JSON.stringify(MAIN)}; process.exitCode = await main(["node", "trove", ...process.argv.slice(1)]);`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, ...args], { encoding: "utf8", input: input ?? "", env: { ...process.env, TROVE_ARCHIVE: "", USER: "desk", LOGNAME: "desk" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What someone holding the file can do: drop the append-only triggers, run `sql`, put them back. */
function tamper(archive: string, sql: string): void {
  const database = new Database(archive);
  const triggers = database.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'audit_head')").all() as { name: string; sql: string }[];
  for (const trigger of triggers) database.exec(`DROP TRIGGER ${trigger.name}`);
  database.exec(sql);
  for (const trigger of triggers) database.exec(trigger.sql);
  database.close();
}

function verify(archive: string): { status: number | null; result: AuditVerification } {
  const run = trove(["audit", "verify", "--archive", archive, "--json"]);
  return { status: run.status, result: JSON.parse(run.stdout) as AuditVerification };
}

describe("trove user and trove audit", () => {
  let archive: string;

  before(() => {
    archive = path.join(tempDir(), "archive.db");
  });

  it("adds the first user only as an admin, reading the password from stdin, and refuses a weak one", () => {
    const member = trove(["user", "add", "partner", "--archive", archive, "--password-stdin"], "euphrates hunting trip\n");
    assert.equal(member.status, 1);
    const weak = trove(["user", "add", "desk.editor", "--admin", "--archive", archive, "--password-stdin"], "short\n");
    assert.equal(weak.status, 1);
    const admin = trove(["user", "add", "desk.editor", "--admin", "--archive", archive, "--password-stdin"], "pistachio saffron cologne\n");
    assert.equal(admin.status, 0, admin.stderr);
    assert.equal(trove(["user", "add", "partner", "--archive", archive, "--password-stdin"], "euphrates hunting trip\n").status, 0);
    assert.equal(trove(["user", "add", "Partner", "--archive", archive, "--password-stdin"], "another long passphrase\n").status, 1);
  });

  it("asks on a terminal only: without one and without --password-stdin it refuses", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", `import { main } from ${JSON.stringify(MAIN)}; process.exitCode = await main(["node", "trove", "user", "password", "partner", "--archive", ${JSON.stringify(archive)}]);`], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    assert.equal(run.status, 1);
  });

  it("lists users as JSON, and disables one", () => {
    assert.equal(trove(["user", "disable", "partner", "--archive", archive]).status, 0);
    const list = trove(["user", "list", "--archive", archive, "--json"]);
    assert.equal(list.status, 0, list.stderr);
    const users = JSON.parse(list.stdout) as User[];
    assert.deepEqual(users.map(({ name, role, disabled }) => ({ name, role, disabled })), [
      { name: "desk.editor", role: "admin", disabled: false },
      { name: "partner", role: "member", disabled: true },
    ]);
    assert.deepEqual(Object.keys(users[0]!).sort(), ["createdAt", "disabled", "id", "lastLoginAt", "name", "role"]);
    assert.equal(trove(["user", "disable", "nobody", "--archive", archive]).status, 1);
  });

  it("exports the trail of those changes, by the login that ran them, from the command line", () => {
    const run = trove(["audit", "export", "--archive", archive, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const events = JSON.parse(run.stdout) as AuditEvent[];
    assert.deepEqual(events.map(({ seq, actor, action, target, from }) => ({ seq, actor, action, target, from })), [
      { seq: 1, actor: "desk", action: "user-add", target: "desk.editor", from: "cli" },
      { seq: 2, actor: "desk", action: "user-add", target: "partner", from: "cli" },
      { seq: 3, actor: "desk", action: "user-disable", target: "partner", from: "cli" },
    ]);
    assert.deepEqual(JSON.parse(trove(["audit", "export", "--archive", archive, "--json", "--since", "2999-01-01"]).stdout), []);
  });

  it("verifies a whole trail, then names an edited entry and a deleted one", () => {
    const whole = verify(archive);
    assert.equal(whole.status, 0);
    assert.deepEqual({ ok: whole.result.ok, entries: whole.result.entries, seq: whole.result.head?.seq }, { ok: true, entries: 3, seq: 3 });
    const anchored = trove(["audit", "verify", "--archive", archive, "--anchor", `${whole.result.head!.seq}:${whole.result.head!.hash}`]);
    assert.equal(anchored.status, 0, anchored.stdout);

    tamper(archive, "UPDATE audit_log SET target = 'someone else' WHERE seq = 2");
    const edited = verify(archive);
    assert.equal(edited.status, 1);
    assert.deepEqual({ seq: edited.result.broken?.seq, problem: edited.result.broken?.problem }, { seq: 2, problem: "edited" });
    const text = trove(["audit", "verify", "--archive", archive]);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /entry 2/);
    tamper(archive, "UPDATE audit_log SET target = 'partner' WHERE seq = 2");
    assert.equal(verify(archive).status, 0);

    tamper(archive, "DELETE FROM audit_log WHERE seq = 2");
    const deleted = verify(archive);
    assert.equal(deleted.status, 1);
    assert.deepEqual({ seq: deleted.result.broken?.seq, problem: deleted.result.broken?.problem }, { seq: 2, problem: "missing" });
  });
});
