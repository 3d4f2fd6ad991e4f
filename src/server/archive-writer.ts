/**
 * A reporter's change to the archive from the browser: made on a writable
 * connection opened for it and closed (so committed) at once, so the server
 * holds no write lock while idle and a `trove ingest` can run beside it.
 */
import type { SqliteStore } from "../store/sqlite/sqlite-store.js";
import type { ArchiveAccess } from "./archive-access.js";

export function withWriter<T>(archive: ArchiveAccess, work: (store: SqliteStore) => T): T {
  const store = archive.openWriter();
  try {
    return work(store);
  } finally {
    store.close();
  }
}
