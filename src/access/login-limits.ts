/**
 * Lockout after failed sign-ins, counted in the archive so that it survives
 * a restart of the server: five failures for one name lock that name for
 * fifteen minutes (five within fifteen minutes, that is), whoever tries it; twenty from one address lock that
 * address, whatever names it tries. The address limit is higher because one
 * address may be a whole newsroom behind one router.
 */
import type { UserStore } from "../store/user-store.js";

export const LOCKOUT_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_NAME = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/** When the name or the address may try again; undefined when neither is locked. */
export function lockedUntil(users: UserStore, name: string, from: string, now: Date): Date | undefined {
  // A lock can have begun up to one window ago, set off by failures up to one window before that.
  const since = new Date(now.getTime() - 2 * LOCKOUT_MS).toISOString();
  const ends = [lockEnd(users.failuresForName(name, since), MAX_FAILURES_PER_NAME), lockEnd(users.failuresFrom(from, since), MAX_FAILURES_PER_ADDRESS)]
    .filter((end) => end > now.getTime());
  return ends.length === 0 ? undefined : new Date(Math.max(...ends));
}

/** `limit` failures within one window lock for one window from the last of them; 0 when nothing was ever locked. */
function lockEnd(failures: readonly string[], limit: number): number {
  const times = failures.map((at) => Date.parse(at));
  let end = 0;
  for (let last = limit - 1; last < times.length; last++) {
    if (times[last]! - times[last - limit + 1]! <= LOCKOUT_MS) end = Math.max(end, times[last]! + LOCKOUT_MS);
  }
  return end;
}
