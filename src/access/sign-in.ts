/**
 * Signing in and out of a shared archive. Every outcome is recorded in the
 * audit trail; failures also count towards lockout.
 *
 * Sign-ins are checked one at a time: otherwise a burst of guesses sent
 * together would all pass the lockout check before the first failure was
 * recorded, and each argon2id check holds 19 MiB while it runs.
 */
import type { User } from "../model/user.js";
import type { ArchiveStore } from "../store/store.js";
import { lockedUntil } from "./login-limits.js";
import { verifyPassword } from "./passwords.js";
import { newSessionToken, sessionTokenHash } from "./session-tokens.js";

/** The actor of a sign-in that failed: no one has proven who they are; the name tried is the target. */
export const ANONYMOUS = "anonymous";

export type SignInResult =
  | { outcome: "signed-in"; user: User; token: string }
  | { outcome: "refused" }
  | { outcome: "locked"; until: Date };

export interface SignInRequest {
  name: string;
  password: string;
  /** The client's address. */
  from: string;
  /** The session token the client already holds, if any: it is ended, never carried over. */
  previousToken?: string;
}

export class SignIns {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: ArchiveStore) {}

  signIn(request: SignInRequest): Promise<SignInResult> {
    const attempt = this.queue.then(() => this.attempt(request));
    this.queue = attempt.catch(() => undefined);
    return attempt;
  }

  signOut(token: string, user: User, from: string): void {
    this.store.users.deleteSession(sessionTokenHash(token));
    this.audit(user.name, "logout", user.name, from, null);
  }

  private async attempt(request: SignInRequest): Promise<SignInResult> {
    const { name, from } = request;
    const users = this.store.users;
    if (request.previousToken !== undefined) users.deleteSession(sessionTokenHash(request.previousToken));
    const until = lockedUntil(users, name, from, new Date());
    if (until) {
      this.audit(ANONYMOUS, "login-refused", name, from, { reason: "locked", until: until.toISOString() });
      return { outcome: "locked", until };
    }
    const credentials = users.credentials(name);
    const matches = await verifyPassword(credentials?.passwordHash, request.password);
    const at = new Date().toISOString();
    if (!credentials || !matches || credentials.user.disabled) {
      users.recordLoginAttempt({ name, from, at, succeeded: false });
      const reason = !credentials ? "unknown-user" : !matches ? "wrong-password" : "disabled";
      this.audit(ANONYMOUS, "login-failed", name, from, { reason });
      return { outcome: "refused" };
    }
    const token = newSessionToken();
    users.recordLoginAttempt({ name, from, at, succeeded: true });
    users.addSession({ tokenHash: sessionTokenHash(token), userId: credentials.user.id, at, from });
    users.recordLogin(credentials.user.id, at);
    this.audit(credentials.user.name, "login", credentials.user.name, from, null);
    return { outcome: "signed-in", user: { ...credentials.user, lastLoginAt: at }, token };
  }

  private audit(actor: string, action: string, target: string, from: string, detail: Record<string, unknown> | null): void {
    this.store.users.appendAudit({ at: new Date().toISOString(), actor, action, target, detail, from });
  }
}
