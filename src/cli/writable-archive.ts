/** Opening the archive for a reporter's change, and always closing it (which commits) afterwards. */
import { SqliteStore } from "../store/sqlite/sqlite-store.js";

export function withWritableArchive<T>(file: string, work: (store: SqliteStore) => T): T {
  const store = SqliteStore.open(file);
  try {
    return work(store);
  } finally {
    store.close();
  }
}
