/**
 * The command line's entries in the audit trail: the actor is the login of
 * whoever ran the command, and it came `from` the command line, since no
 * network address says more.
 */
import { localLogin } from "../access/local-login.js";
import type { Actor } from "../access/users.js";
import { FROM_CLI } from "../model/user.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";

export function cliActor(): Actor {
  return { actor: localLogin(), from: FROM_CLI };
}

/**
 * Appends one entry to the trail of the archive at `file`, through a
 * connection of its own: call it once the command has closed its own store,
 * whose open batch would otherwise hold the write lock.
 *
 * A trail that cannot be written (a read-only copy) is reported, not fatal:
 * whoever runs the command holds the file, so the entry is a record kept for
 * the newsroom rather than a gate; the server, where it is a gate, refuses.
 */
export function recordFromCli(file: string, action: string, target: string, detail: Record<string, unknown> | null = null): void {
  let store: SqliteStore | undefined;
  try {
    store = SqliteStore.open(file);
    store.users.appendAudit({ at: new Date().toISOString(), ...cliActor(), action, target, detail });
  } catch (error) {
    process.stderr.write(`trove: warning: this ${action} is not recorded in the audit trail: ${(error as Error).message}\n`);
  } finally {
    store?.close();
  }
}
