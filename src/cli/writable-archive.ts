/** Opening the archive for a reporter's change, and always closing it (which commits) afterwards, when the work is done or has failed. */
import { SqliteStore } from "../store/sqlite/sqlite-store.js";

export function withWritableArchive<T>(file: string, work: (store: SqliteStore) => T): T {
  const store = SqliteStore.open(file);
  let result: T;
  try {
    result = work(store);
  } catch (error) {
    store.close();
    throw error;
  }
  // Work that goes on after returning (reading a password, say) keeps the archive open until it settles.
  if (result instanceof Promise) return result.finally(() => store.close()) as T;
  store.close();
  return result;
}
