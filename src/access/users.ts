/**
 * Managing the users of a shared archive: what `trove user` does, each
 * change recorded in the audit trail by whoever made it.
 *
 * @example
 * const user = await addUser(store, { name: "desk.editor", role: "admin", password }, { actor: "maria", from: "cli" });
 */
import type { Role, User } from "../model/user.js";
import type { ArchiveStore } from "../store/store.js";
import { checkPasswordStrength, CredentialError, hashPassword } from "./passwords.js";

/** Who made a change and from where: a user and an address, or a login and `cli`. */
export interface Actor {
  actor: string;
  from: string;
}

/** Letters and digits of any script, and `.`, `_`, `-`, `@`: a name fits in a log line and a cookie-free URL. */
const USER_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,63}$/u;

export function checkUserName(name: string): void {
  if (!USER_NAME.test(name)) throw new CredentialError(`'${name.slice(0, 64)}' cannot be a user name: use up to 64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit`);
}

export async function addUser(store: ArchiveStore, user: { name: string; role: Role; password: string }, by: Actor): Promise<User> {
  checkUserName(user.name);
  checkPasswordStrength(user.password);
  const added = store.users.addUser({ name: user.name, role: user.role, passwordHash: await hashPassword(user.password) });
  store.users.appendAudit({ at: new Date().toISOString(), ...by, action: "user-add", target: added.name, detail: { role: added.role } });
  return added;
}

export function disableUser(store: ArchiveStore, name: string, by: Actor): User {
  const user = store.users.disableUser(name);
  store.users.appendAudit({ at: new Date().toISOString(), ...by, action: "user-disable", target: user.name, detail: null });
  return user;
}

/** Sets a new password and ends the user's sessions, except `keepSession` (the one that asked, when a user changes their own). */
export async function setPassword(store: ArchiveStore, name: string, password: string, by: Actor, keepSession?: string): Promise<void> {
  checkPasswordStrength(password);
  store.users.setPasswordHash(name, await hashPassword(password), keepSession);
  store.users.appendAudit({ at: new Date().toISOString(), ...by, action: "password-change", target: name, detail: null });
}
