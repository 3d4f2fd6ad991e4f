import os from "node:os";

/**
 * The login of whoever runs Trove on this machine: the actor the audit trail
 * records for the command line and for an open workbench, where no one signs
 * in. The environment first, as `trove redact` names an author, so that a
 * shared service account can still say who is at the keyboard.
 */
export function localLogin(): string {
  const fromEnvironment = process.env.USER ?? process.env.USERNAME;
  if (fromEnvironment) return fromEnvironment;
  try {
    return os.userInfo().username;
  } catch {
    return "unknown";
  }
}
