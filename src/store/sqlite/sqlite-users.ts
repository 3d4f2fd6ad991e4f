/**
 * Users, sessions, sign-in attempts and the audit trail in the embedded
 * archive. Shares the archive's connection with `SqliteStore`.
 *
 * The audit trail is append-only twice over: triggers refuse UPDATE and
 * DELETE on `audit_log` and accept an INSERT only at the end of the chain,
 * and each entry's hash covers the one before it. Triggers stop a mistake or
 * a program that goes through SQL; they do not stop someone holding the file,
 * who can drop them. The hash chain is what shows that afterwards (see
 * `verifyAuditChain` and docs/security.md).
 */
import type Database from "better-sqlite3";
import { auditHash, GENESIS_HASH, type AuditHead } from "../audit-chain.js";
import { DecisionError, NotFoundError } from "../../errors.js";
import type { AuditEvent, Role, User } from "../../model/user.js";
import type { AuditEntryToAdd, LoginAttempt, SessionToAdd, StoredSession, UserStore, UserToAdd } from "../user-store.js";

interface UserRow {
  id: number;
  name: string;
  role: Role;
  disabled: number;
  createdAt: string;
  lastLoginAt: string | null;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: string | null;
  from: string;
  previousHash: string;
  hash: string;
}

const USER_COLUMNS = "u.id, u.name, u.role, u.disabled, u.created_at AS createdAt, u.last_login_at AS lastLoginAt";
const AUDIT_COLUMNS = "seq, at, actor, action, target, detail, from_address AS \"from\", previous_hash AS previousHash, hash";
/** Attempts older than this decide nothing any more (the longest lockout window is far shorter). */
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

export class SqliteUserStore implements UserStore {
  constructor(private readonly database: Database.Database) {}

  addUser(user: UserToAdd): User {
    if (this.userRow(user.name)) throw new DecisionError(`there is already a user called ${user.name}`);
    const result = this.database
      .prepare("INSERT INTO users (name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, 0, ?)")
      .run(user.name, user.role, user.passwordHash, new Date().toISOString());
    return this.userById(Number(result.lastInsertRowid));
  }

  credentials(name: string): { user: User; passwordHash: string } | undefined {
    const row = this.database.prepare(`SELECT ${USER_COLUMNS}, u.password_hash AS passwordHash FROM users u WHERE u.name = ?`).get(name) as (UserRow & { passwordHash: string }) | undefined;
    return row && { user: toUser(row), passwordHash: row.passwordHash };
  }

  listUsers(): User[] {
    return (this.database.prepare(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.name COLLATE NOCASE`).all() as UserRow[]).map(toUser);
  }

  hasUsers(): boolean {
    return this.database.prepare("SELECT EXISTS (SELECT 1 FROM users) AS found").pluck().get() === 1;
  }

  hasActiveAdmin(): boolean {
    return this.database.prepare("SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND disabled = 0) AS found").pluck().get() === 1;
  }

  disableUser(name: string): User {
    const row = this.requireUser(name);
    this.database.transaction(() => {
      this.database.prepare("UPDATE users SET disabled = 1 WHERE id = ?").run(row.id);
      this.database.prepare("DELETE FROM sessions WHERE user_id = ?").run(row.id);
    })();
    return this.userById(row.id);
  }

  setPasswordHash(name: string, passwordHash: string, keepSession?: string): void {
    const row = this.requireUser(name);
    this.database.transaction(() => {
      this.database.prepare("UPDATE users SET password_hash = ? WHERE id = ?").run(passwordHash, row.id);
      this.database.prepare("DELETE FROM sessions WHERE user_id = ? AND token_hash != ?").run(row.id, keepSession ?? "");
    })();
  }

  recordLogin(userId: number, at: string): void {
    this.database.prepare("UPDATE users SET last_login_at = ? WHERE id = ?").run(at, userId);
  }

  addSession(session: SessionToAdd): void {
    this.database
      .prepare("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, from_address) VALUES (?, ?, ?, ?, ?)")
      .run(session.tokenHash, session.userId, session.at, session.at, session.from);
  }

  findSession(tokenHash: string): StoredSession | undefined {
    const row = this.database
      .prepare(`SELECT ${USER_COLUMNS}, s.token_hash AS tokenHash, s.created_at AS sessionCreatedAt, s.last_seen_at AS lastSeenAt, s.from_address AS sessionFrom
        FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`)
      .get(tokenHash) as (UserRow & { tokenHash: string; sessionCreatedAt: string; lastSeenAt: string; sessionFrom: string }) | undefined;
    return row && { tokenHash: row.tokenHash, user: toUser(row), createdAt: row.sessionCreatedAt, lastSeenAt: row.lastSeenAt, from: row.sessionFrom };
  }

  touchSession(tokenHash: string, at: string): void {
    this.database.prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?").run(at, tokenHash);
  }

  deleteSession(tokenHash: string): void {
    this.database.prepare("DELETE FROM sessions WHERE token_hash = ?").run(tokenHash);
  }

  recordLoginAttempt(attempt: LoginAttempt): void {
    this.database.transaction(() => {
      this.database.prepare("DELETE FROM login_attempts WHERE at < ?").run(new Date(Date.parse(attempt.at) - ATTEMPT_RETENTION_MS).toISOString());
      this.database.prepare("INSERT INTO login_attempts (name, from_address, at, succeeded) VALUES (?, ?, ?, ?)").run(attempt.name, attempt.from, attempt.at, attempt.succeeded ? 1 : 0);
    })();
  }

  failuresForName(name: string, since: string): string[] {
    return this.database
      .prepare(`SELECT at FROM login_attempts WHERE name = ? AND succeeded = 0 AND at >= ?
        AND at > coalesce((SELECT max(at) FROM login_attempts WHERE name = ? AND succeeded = 1), '') ORDER BY at`)
      .pluck()
      .all(name, since, name) as string[];
  }

  failuresFrom(from: string, since: string): string[] {
    return this.database.prepare("SELECT at FROM login_attempts WHERE from_address = ? AND succeeded = 0 AND at >= ? ORDER BY at").pluck().all(from, since) as string[];
  }

  appendAudit(entry: AuditEntryToAdd): AuditEvent {
    // IMMEDIATE: two connections appending at once must not both read the same head.
    return this.database.transaction(() => {
      const head = this.auditHead();
      const fields = { ...entry, seq: (head?.seq ?? 0) + 1 };
      const previousHash = head?.hash ?? GENESIS_HASH;
      const hash = auditHash(previousHash, fields);
      this.database
        .prepare("INSERT INTO audit_log (seq, at, actor, action, target, detail, from_address, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .run(fields.seq, fields.at, fields.actor, fields.action, fields.target, fields.detail === null ? null : JSON.stringify(fields.detail), fields.from, previousHash, hash);
      this.database
        .prepare("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash")
        .run(fields.seq, hash);
      return { ...fields, previousHash, hash };
    }).immediate();
  }

  *auditEvents(options: { since?: string } = {}): Iterable<AuditEvent> {
    const rows = this.database.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE at >= ? ORDER BY seq`).iterate(options.since ?? "") as IterableIterator<AuditRow>;
    for (const row of rows) yield { ...row, detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>) };
  }

  auditHead(): AuditHead | null {
    return (this.database.prepare("SELECT seq, hash FROM audit_head WHERE id = 1").get() as AuditHead | undefined) ?? null;
  }

  private userRow(name: string): UserRow | undefined {
    return this.database.prepare(`SELECT ${USER_COLUMNS} FROM users u WHERE u.name = ?`).get(name) as UserRow | undefined;
  }

  private requireUser(name: string): UserRow {
    const row = this.userRow(name);
    if (!row) throw new NotFoundError(`no user called ${name}; list them with: trove user list`);
    return row;
  }

  private userById(id: number): User {
    return toUser(this.database.prepare(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ?`).get(id) as UserRow);
  }
}

function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, role: row.role, disabled: row.disabled === 1, createdAt: row.createdAt, lastLoginAt: row.lastLoginAt };
}
