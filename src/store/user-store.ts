/**
 * The part of the store contract that holds who may use a shared archive:
 * users, their sessions, failed sign-ins, and the append-only audit trail.
 * Every backend implements it and runs the same tests.
 */
import type { AuditHead } from "./audit-chain.js";
import type { AuditEvent, Role, User } from "../model/user.js";

export interface UserToAdd {
  name: string;
  role: Role;
  passwordHash: string;
}

export interface StoredSession {
  /** SHA-256 of the token: the token itself never reaches the archive, so a copy of the file opens no session. */
  tokenHash: string;
  user: User;
  createdAt: string;
  lastSeenAt: string;
  from: string;
}

export interface SessionToAdd {
  tokenHash: string;
  userId: number;
  at: string;
  from: string;
}

export interface LoginAttempt {
  name: string;
  from: string;
  at: string;
  succeeded: boolean;
}

/** What `appendAudit` needs; the store numbers and chains it. */
export type AuditEntryToAdd = Omit<AuditEvent, "seq" | "previousHash" | "hash">;

export interface UserStore {
  /** Adds a user; a name already taken (in any case) is refused. */
  addUser(user: UserToAdd): User;
  /** The user and their password hash, by name in any case; undefined when there is none. */
  credentials(name: string): { user: User; passwordHash: string } | undefined;
  listUsers(): User[];
  /** True once the archive has any user: the server then asks everyone to sign in. */
  hasUsers(): boolean;
  /** True when an enabled admin exists. */
  hasActiveAdmin(): boolean;
  /** Disables a user and ends all their sessions. */
  disableUser(name: string): User;
  /** Replaces a user's password hash and ends their sessions, except the one kept (the session that changed it). */
  setPasswordHash(name: string, passwordHash: string, keepSession?: string): void;
  recordLogin(userId: number, at: string): void;

  addSession(session: SessionToAdd): void;
  /** The session and its user, whatever its age or the user's state: the caller decides what is expired. */
  findSession(tokenHash: string): StoredSession | undefined;
  touchSession(tokenHash: string, at: string): void;
  deleteSession(tokenHash: string): void;

  recordLoginAttempt(attempt: LoginAttempt): void;
  /** Failed sign-ins since `since` for this name (any case), not counting those before its last success. */
  failuresForName(name: string, since: string): string[];
  /** Failed sign-ins since `since` from this address, for any name. */
  failuresFrom(from: string, since: string): string[];

  /** Appends an entry at the end of the chain, numbered and hashed, atomically with the head. */
  appendAudit(entry: AuditEntryToAdd): AuditEvent;
  /** Entries in seq order, from `since` (an ISO date or time) on when given. */
  auditEvents(options?: { since?: string }): Iterable<AuditEvent>;
  /** The last entry's seq and hash as recorded beside the trail; null when nothing was ever recorded. */
  auditHead(): AuditHead | null;
}
