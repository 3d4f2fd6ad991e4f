/**
 * The people who may open a shared archive, and the trail of what was done
 * with it. A laptop archive has no users at all: the workbench is then open
 * to whoever sits at the machine, as before. The first user turns the server
 * into one that asks everyone to sign in.
 */

/** An admin manages users (from the terminal); a member reads and works on the archive. */
export type Role = "admin" | "member";

export const ROLES: readonly Role[] = ["admin", "member"];

export interface User {
  id: number;
  /** What the person signs in with; unique regardless of case. */
  name: string;
  role: Role;
  /** A disabled user cannot sign in, and their sessions end; the user is kept so that the audit trail still names them. */
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

/**
 * One entry of the append-only audit trail. `hash` is SHA-256 over
 * `previousHash` and the entry's own fields, so that changing or removing an
 * entry breaks the chain from there on (see `verifyAuditChain`).
 */
export interface AuditEvent {
  /** 1, 2, 3 … with no gaps: a gap is a deleted entry. */
  seq: number;
  /** ISO 8601, UTC. */
  at: string;
  /** A user name; on the command line, the login of whoever ran it. */
  actor: string;
  /** What was done: `login`, `login-failed`, `search`, `document-view`, `export`, `redaction` … */
  action: string;
  /** What it was done to: a document id, a user name, a query; empty when nothing in particular. */
  target: string;
  /** Anything else worth keeping about it, as JSON. */
  detail: Record<string, unknown> | null;
  /** Where from: the client's network address, or `cli`. */
  from: string;
  previousHash: string;
  hash: string;
}

/** Where an audited action came from when it was run on the command line. */
export const FROM_CLI = "cli";
